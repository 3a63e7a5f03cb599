package io.vitrine.realtime.internal;

import io.vitrine.dialog.Actor;
import io.vitrine.realtime.FrameContext;
import io.vitrine.realtime.FrameHandler;
import io.vitrine.realtime.protocol.ClientMessage;
import org.springframework.stereotype.Component;

/** Stops following a dialog, leaving its stream too. */
@Component
class UnsubscribeHandler implements FrameHandler<ClientMessage.Unsubscribe> {

    private final Streams streams;
    private final PeerAnnouncements announcements;
    private final CustomerConnections customers;

    UnsubscribeHandler(Streams streams, PeerAnnouncements announcements, CustomerConnections customers) {
        this.streams = streams;
        this.announcements = announcements;
        this.customers = customers;
    }

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
        Connection connection = Caller.connectionOf(context);
        connection.unfollow(u.dialogId());
        Streams.Peer left = streams.leave(u.dialogId(), connection);
        if (left != null) {
            announcements.publishPeers(u.dialogId(), left);
        }
        if (context.actor() instanceof Actor.Shopper shopper) {
            customers.left(u.dialogId(), shopper);
        }
    }
}
