package io.vitrine.commerce.internal;

import io.vitrine.realtime.FrameContext;
import io.vitrine.realtime.FrameHandler;
import org.springframework.stereotype.Component;

/** The Host changes a cart line's quantity; zero removes it. */
@Component
class CartQuantityHandler implements FrameHandler<CommerceFrames.CartQuantity> {

    private final CommerceService commerce;

    CartQuantityHandler(CommerceService commerce) {
        this.commerce = commerce;
    }

    @Override
    public String wireType() {
        return "cartQuantity";
    }

    @Override
    public Class<CommerceFrames.CartQuantity> frameType() {
        return CommerceFrames.CartQuantity.class;
    }

    @Override
    public void handle(FrameContext context, CommerceFrames.CartQuantity frame) {
        commerce.setQuantity(context.actor(), frame.dialogId(), frame.lineId(), frame.quantity());
    }
}
