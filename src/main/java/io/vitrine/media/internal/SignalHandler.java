package io.vitrine.media.internal;

import io.vitrine.dialog.Permission;
import io.vitrine.media.SdpPolicy;
import io.vitrine.realtime.FrameContext;
import io.vitrine.realtime.FrameHandler;
import io.vitrine.realtime.LiveStreams;
import io.vitrine.realtime.protocol.ClientMessage;
import io.vitrine.realtime.protocol.ServerMessage;
import io.vitrine.shared.DomainException;
import org.springframework.stereotype.Component;

/** Passes an offer, answer or candidate to the one connection of the addressed peer; customers may not send video. */
@Component
class SignalHandler implements FrameHandler<ClientMessage.Signal> {

    private final LiveStreams streams;

    SignalHandler(LiveStreams streams) {
        this.streams = streams;
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
        LiveStreams.Peer from = streams.requirePeer(context, signal.dialogId());
        if (signal.description() != null && SdpPolicy.sendsVideo(signal.description().sdp())
                && !from.sendsVideo()) {
            throw DomainException.forbidden(Permission.PUBLISH_VIDEO.refusal());
        }
        streams.relay(signal.dialogId(), signal.to(), new ServerMessage.Signal(signal.dialogId(), from.id(),
                from.participantId(), signal.description(), signal.candidate()));
    }
}
