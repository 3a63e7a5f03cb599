package io.vitrine.commerce.internal;

import io.vitrine.realtime.FrameContext;
import io.vitrine.realtime.FrameHandler;
import org.springframework.stereotype.Component;

/** The Host takes the cart to the shop; the answer tells the Host's page how. */
@Component
class HandoffHandler implements FrameHandler<CommerceFrames.Handoff> {

    private final CommerceService commerce;

    HandoffHandler(CommerceService commerce) {
        this.commerce = commerce;
    }

    @Override
    public String wireType() {
        return "handoff";
    }

    @Override
    public Class<CommerceFrames.Handoff> frameType() {
        return CommerceFrames.Handoff.class;
    }

    @Override
    public void handle(FrameContext context, CommerceFrames.Handoff frame) {
        context.reply(commerce.handoff(context.actor(), frame.dialogId()));
    }
}
