package io.vitrine.commerce.internal;

import io.vitrine.realtime.FrameContext;
import io.vitrine.realtime.FrameHandler;
import org.springframework.stereotype.Component;

/** What the caller's seat may know of the dialog's products, asked for after subscribing. */
@Component
class ProductsHandler implements FrameHandler<CommerceFrames.Products> {

    private final CommerceService commerce;

    ProductsHandler(CommerceService commerce) {
        this.commerce = commerce;
    }

    @Override
    public String wireType() {
        return "products";
    }

    @Override
    public Class<CommerceFrames.Products> frameType() {
        return CommerceFrames.Products.class;
    }

    @Override
    public void handle(FrameContext context, CommerceFrames.Products frame) {
        context.reply(commerce.state(context.actor(), frame.dialogId()));
    }
}
