package io.vitrine.realtime.internal;

import io.vitrine.realtime.fanout.Fanout;
import io.vitrine.realtime.fanout.Topic;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Tells the followers of a dialog who is in its stream now. Each node tells its own sockets, from its view of every
 * node's peers, when a peer joins or leaves here or it learns of a change elsewhere; so a socket's last frame
 * always follows the last change its node knows of.
 */
@Component
class PeerAnnouncements {

    private final Fanout fanout;
    private final Streams streams;

    PeerAnnouncements(Fanout fanout, Streams streams, ClusterPeers cluster) {
        this.fanout = fanout;
        this.streams = streams;
        cluster.onRemoteChange(dialogId -> {
            synchronized (streams) {
                for (UUID changed : streams.remoteChanged(dialogId)) {
                    fanout.publishLocally(Topic.dialog(changed), streams.peersFrame(changed));
                }
            }
        });
    }

    /**
     * Announces a dialog's peers after {@code changed} joined or left it, and the peers of the other dialogs that
     * person has been in, whose {@code elsewhere} follows them (an expert going on camera in another dialog).
     */
    void publishPeers(UUID dialogId, Streams.Peer changed) {
        synchronized (streams) {
            fanout.publishLocally(Topic.dialog(dialogId), streams.peersFrame(dialogId));
            for (UUID other : streams.otherDialogsOf(dialogId, changed.person())) {
                fanout.publishLocally(Topic.dialog(other), streams.peersFrame(other));
            }
        }
    }
}
