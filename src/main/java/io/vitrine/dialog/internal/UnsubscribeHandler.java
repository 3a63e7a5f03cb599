package io.vitrine.dialog.internal;

import io.vitrine.realtime.FrameContext;
import io.vitrine.realtime.FrameHandler;
import io.vitrine.realtime.protocol.ClientMessage;
import org.springframework.stereotype.Component;

/** Stops following a dialog, leaving its stream too. */
@Component
class UnsubscribeHandler implements FrameHandler<ClientMessage.Unsubscribe> {

    @Override
    public String wireType() {
        return "unsubscribe";
    }

    @Override
    public Class<ClientMessage.Unsubscribe> frameType() {
        return ClientMessage.Unsubscribe.class;
    }

    @Override
    public void handle(FrameContext context, ClientMessage.Unsubscribe u) {
        context.unfollow(u.dialogId());
    }
}
