package io.vitrine.commerce.internal;

import io.vitrine.realtime.FrameContext;
import io.vitrine.realtime.FrameHandler;
import org.springframework.stereotype.Component;

/** A customer votes on a product card; the answer is the vote as stored. */
@Component
class VoteHandler implements FrameHandler<CommerceFrames.Vote> {

    private final CommerceService commerce;

    VoteHandler(CommerceService commerce) {
        this.commerce = commerce;
    }

    @Override
    public String wireType() {
        return "vote";
    }

    @Override
    public Class<CommerceFrames.Vote> frameType() {
        return CommerceFrames.Vote.class;
    }

    @Override
    public void handle(FrameContext context, CommerceFrames.Vote frame) {
        context.reply(new CommerceFrames.Voted(frame.dialogId(), frame.seq(), commerce.vote(context.actor(), frame.dialogId(), frame.seq(), frame.vote())));
    }
}
