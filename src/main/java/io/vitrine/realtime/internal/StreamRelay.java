package io.vitrine.realtime.internal;

import io.vitrine.realtime.FrameContext;
import io.vitrine.realtime.LiveStreams;
import io.vitrine.realtime.fanout.Fanout;
import io.vitrine.realtime.fanout.Topic;
import io.vitrine.realtime.protocol.ServerMessage;
import io.vitrine.shared.DomainException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/** {@link LiveStreams} over this node's {@link Streams} and the other nodes' peers ({@link ClusterPeers}). */
@Component
class StreamRelay implements LiveStreams {

    private final Streams streams;
    private final PeerAnnouncements announcements;
    private final ClusterPeers cluster;
    private final Fanout fanout;
    private final ObjectWriter writer;

    StreamRelay(Streams streams, PeerAnnouncements announcements, ClusterPeers cluster, Fanout fanout,
            JsonMapper json) {
        this.streams = streams;
        this.announcements = announcements;
        this.cluster = cluster;
        this.fanout = fanout;
        this.writer = json.writerFor(ServerMessage.class);
        cluster.onSignal(this::deliverRelayed);
        // The other nodes' peers of the dialog go too; each node tells its own sockets.
        cluster.onRetain(this::retainHere);
    }

    @Override
    public void join(FrameContext caller, UUID dialogId, String participantId, boolean sendsVideo,
            String previousPeerId, BiFunction<Peer, List<ServerMessage.StreamPeer>, ServerMessage> answer) {
        // Joining, answering and announcing happen as one step per node, so no other peer's announcement can
        // overtake this connection's answer and leave it with an outdated list.
        synchronized (streams) {
            Streams.Joined joined = streams.join(dialogId, Caller.connectionOf(caller), participantId, sendsVideo,
                    caller.actor(), previousPeerId);
            Streams.Peer me = joined.peer();
            caller.reply(answer.apply(peer(me), streams.peers(dialogId)));
            streams.mediaStates(dialogId).forEach((participant, state) -> caller.reply(
                    new ServerMessage.Media(dialogId, participant, state.mic(), state.camera())));
            if (joined.changed()) {
                announcements.publishPeers(dialogId, me);
            }
        }
    }

    @Override
    public Peer requirePeer(FrameContext caller, UUID dialogId) {
        return peer(streams.requirePeer(dialogId, Caller.connectionOf(caller)));
    }

    /**
     * Passes a signal to the addressed peer's connection through its stream of the dialog, so it keeps its place
     * after the {@code peers} frames sent before it (see {@link Connection#sendInDialog}). That stream only queues it
     * in the connection's {@link Outbox}, whose own thread writes the socket with no lock held.
     */
    @Override
    public void relay(UUID dialogId, String to, ServerMessage.Signal signal) {
        String frame = writer.writeValueAsString(signal);
        Connection target = streams.connectionOf(dialogId, to);
        if (target != null) {
            target.sendInDialog(dialogId, frame);
        } else if (!cluster.relay(dialogId, to, frame)) {
            // Not the sender's fault: the peer left while the signal was on its way, and a peers frame tells so.
            throw DomainException.conflict("peer_left", "That peer is not in the stream (any more).");
        }
    }

    /** A signal another node relayed here for one of this node's peers; gone peers miss it, as on one node. */
    private void deliverRelayed(UUID dialogId, String peerId, String frame) {
        Connection target = streams.connectionOf(dialogId, peerId);
        if (target != null) {
            target.sendInDialog(dialogId, frame);
        }
    }

    @Override
    public void announceMedia(UUID dialogId, String participantId, boolean mic, boolean camera) {
        streams.announce(dialogId, participantId, mic, camera);
    }

    @Override
    public void retain(UUID dialogId, Set<String> participantIds) {
        retainHere(dialogId, participantIds);
        cluster.retainEverywhere(dialogId, participantIds);
    }

    private void retainHere(UUID dialogId, Set<String> present) {
        synchronized (streams) {
            for (var changed : streams.retain(dialogId, present)) {
                fanout.publishLocally(Topic.dialog(changed), streams.peersFrame(changed));
            }
        }
    }

    private static Peer peer(Streams.Peer peer) {
        return new Peer(peer.id(), peer.participantId(), peer.sendsVideo());
    }
}
