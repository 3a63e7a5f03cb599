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

    SignalHandler(Streams streams, JsonMapper json) {
        this.streams = streams;
        this.writer = json.writerFor(ServerMessage.class);
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
        Connection target = streams.connectionOf(signal.dialogId(), signal.to());
        if (target == null) {
            throw DomainException.conflict("not_in_stream", "That peer is not in the stream (any more).");
        }
        target.send(writer.writeValueAsString(new ServerMessage.Signal(signal.dialogId(), from.id(),
                from.participantId(), signal.description(), signal.candidate())));
    }
}
