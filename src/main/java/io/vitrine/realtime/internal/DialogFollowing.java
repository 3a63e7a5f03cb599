package io.vitrine.realtime.internal;

import io.vitrine.realtime.Following;
import io.vitrine.realtime.fanout.Fanout;
import io.vitrine.realtime.protocol.ServerMessage;
import io.vitrine.shared.Actor;
import io.vitrine.shared.DialogRole;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/** Connections following dialogs, for the handlers of the module that owns them. */
@Component
class DialogFollowing {

    private final Fanout fanout;
    private final Streams streams;
    private final PeerAnnouncements announcements;
    private final CustomerConnections customers;
    private final ObjectWriter writer;

    DialogFollowing(Fanout fanout, Streams streams, PeerAnnouncements announcements, CustomerConnections customers,
            JsonMapper json) {
        this.fanout = fanout;
        this.streams = streams;
        this.announcements = announcements;
        this.customers = customers;
        this.writer = json.writerFor(ServerMessage.class);
    }

    Following follow(Connection connection, UUID dialogId) {
        Connection.DialogStream stream = connection.stream(dialogId, fanout);
        return new Following() {
            @Override
            public void startReplay(long afterSeq) {
                stream.startReplay(afterSeq);
            }

            @Override
            public boolean replayed(ServerMessage.Sequenced frame) {
                return stream.replayed(frame, writer.writeValueAsString(frame));
            }

            @Override
            public void finishReplay(DialogRole seat, ServerMessage confirmation) {
                connection.seat(dialogId, seat, fanout);
                stream.finishReplay(writer.writeValueAsString(confirmation));
            }

            @Override
            public void cancel() {
                connection.unfollow(dialogId);
            }
        };
    }

    /** Stops following a dialog, leaving its stream too. */
    void unfollow(Connection connection, UUID dialogId) {
        connection.unfollow(dialogId);
        Streams.Peer left = streams.leave(dialogId, connection);
        if (left != null) {
            announcements.publishPeers(dialogId, left);
        }
        if (connection.actor() instanceof Actor.Shopper shopper) {
            customers.left(dialogId, shopper);
        }
    }
}
