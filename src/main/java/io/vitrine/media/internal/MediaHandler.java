package io.vitrine.media.internal;

import io.vitrine.realtime.FrameContext;
import io.vitrine.realtime.FrameHandler;
import io.vitrine.realtime.LiveStreams;
import io.vitrine.realtime.Push;
import io.vitrine.realtime.protocol.ClientMessage;
import io.vitrine.realtime.protocol.ServerMessage;
import org.springframework.stereotype.Component;

/** A peer's microphone and camera: remembered for newcomers and announced to the dialog. */
@Component
class MediaHandler implements FrameHandler<ClientMessage.Media> {

    private final LiveStreams streams;
    private final Push push;

    MediaHandler(LiveStreams streams, Push push) {
        this.streams = streams;
        this.push = push;
    }

    @Override
    public String wireType() {
        return "media";
    }

    @Override
    public Class<ClientMessage.Media> frameType() {
        return ClientMessage.Media.class;
    }

    @Override
    public Budget budget() {
        return Budget.SIGNALLING;
    }

    @Override
    public void handle(FrameContext context, ClientMessage.Media m) {
        LiveStreams.Peer me = streams.requirePeer(context, m.dialogId());
        boolean camera = m.camera() && me.sendsVideo();
        streams.announceMedia(m.dialogId(), me.participantId(), m.mic(), camera);
        push.toDialog(m.dialogId(), new ServerMessage.Media(m.dialogId(), me.participantId(), m.mic(), camera));
    }
}
