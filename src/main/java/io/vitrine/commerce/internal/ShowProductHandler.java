package io.vitrine.commerce.internal;

import io.vitrine.realtime.FrameContext;
import io.vitrine.realtime.FrameHandler;
import org.springframework.stereotype.Component;

/** The expert shows a product: a card on everyone's timeline. */
@Component
class ShowProductHandler implements FrameHandler<CommerceFrames.ShowProduct> {

    private final CommerceService commerce;

    ShowProductHandler(CommerceService commerce) {
        this.commerce = commerce;
    }

    @Override
    public String wireType() {
        return "showProduct";
    }

    @Override
    public Class<CommerceFrames.ShowProduct> frameType() {
        return CommerceFrames.ShowProduct.class;
    }

    @Override
    public void handle(FrameContext context, CommerceFrames.ShowProduct frame) {
        commerce.show(context.actor(), frame.dialogId(), frame.productId());
    }
}
