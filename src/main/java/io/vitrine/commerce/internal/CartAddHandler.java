package io.vitrine.commerce.internal;

import io.vitrine.realtime.FrameContext;
import io.vitrine.realtime.FrameHandler;
import org.springframework.stereotype.Component;

/** The Host adds a shown product to the cart. */
@Component
class CartAddHandler implements FrameHandler<CommerceFrames.CartAdd> {

    private final CommerceService commerce;

    CartAddHandler(CommerceService commerce) {
        this.commerce = commerce;
    }

    @Override
    public String wireType() {
        return "cartAdd";
    }

    @Override
    public Class<CommerceFrames.CartAdd> frameType() {
        return CommerceFrames.CartAdd.class;
    }

    @Override
    public void handle(FrameContext context, CommerceFrames.CartAdd frame) {
        commerce.add(context.actor(), frame.dialogId(), frame.productId(), frame.variantId(), frame.quantity());
    }
}
