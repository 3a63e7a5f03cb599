package io.vitrine.realtime.internal;

import io.vitrine.dialog.Permission;
import io.vitrine.media.SdpPolicy;
import io.vitrine.realtime.FrameContext;
import io.vitrine.realtime.FrameHandler;
import io.vitrine.realtime.protocol.ClientMessage;
import io.vitrine.realtime.protocol.ServerMessage;
import io.vitrine.shared.DomainException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/** Passes an offer, answer or candidate to the one connection of the addressed peer; customers may not send video. */
@Component
class SignalHandler implements FrameHandler<ClientMessage.Signal> {

    private final Streams streams;
    private final ObjectWriter writer;

    private final ClusterPeers cluster;

    SignalHandler(Streams streams, ClusterPeers cluster, JsonMapper json) {
        this.streams = streams;
        this.cluster = cluster;
        this.writer = json.writerFor(ServerMessage.class);
        cluster.onSignal(this::deliverRelayed);
    }

    @Override
    public String wireType() {
        return "signal";
    }

    @Override
    public Class<ClientMessage.Signal> frameType() {
        return ClientMessage.Signal.class;
    }

    @Override
    public Budget budget() {
        return Budget.SIGNALLING;
    }

    @Override
    public void handle(FrameContext context, ClientMessage.Signal signal) {
        Streams.Peer from = streams.requirePeer(signal.dialogId(), Caller.connectionOf(context));
        if (signal.description() != null && SdpPolicy.sendsVideo(signal.description().sdp())
                && !from.sendsVideo()) {
            throw DomainException.forbidden(Permission.PUBLISH_VIDEO.refusal());
        }
        String frame = writer.writeValueAsString(new ServerMessage.Signal(signal.dialogId(), from.id(),
                from.participantId(), signal.description(), signal.candidate()));
        Connection target = streams.connectionOf(signal.dialogId(), signal.to());
        if (target != null) {
            target.send(frame);
        } else if (!cluster.relay(signal.dialogId(), signal.to(), frame)) {
            throw DomainException.conflict("not_in_stream", "That peer is not in the stream (any more).");
        }
    }

    /** A signal another node relayed here for one of this node's peers; gone peers miss it, as on one node. */
    private void deliverRelayed(java.util.UUID dialogId, String peerId, String frame) {
        Connection target = streams.connectionOf(dialogId, peerId);
        if (target != null) {
            target.send(frame);
        }
    }
}
