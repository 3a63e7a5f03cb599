package io.vitrine.commerce.internal;

import io.vitrine.realtime.FrameContext;
import io.vitrine.realtime.FrameHandler;
import org.springframework.stereotype.Component;

/** The expert suggests a product for the Host's cart. */
@Component
class SuggestProductHandler implements FrameHandler<CommerceFrames.SuggestProduct> {

    private final CommerceService commerce;

    SuggestProductHandler(CommerceService commerce) {
        this.commerce = commerce;
    }

    @Override
    public String wireType() {
        return "suggestProduct";
    }

    @Override
    public Class<CommerceFrames.SuggestProduct> frameType() {
        return CommerceFrames.SuggestProduct.class;
    }

    @Override
    public void handle(FrameContext context, CommerceFrames.SuggestProduct frame) {
        commerce.suggest(context.actor(), frame.dialogId(), frame.productId(), frame.variantId(), frame.quantity());
    }
}
