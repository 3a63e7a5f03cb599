package io.vitrine.media.internal;

import io.vitrine.dialog.DialogApi;
import io.vitrine.dialog.StreamSeat;
import io.vitrine.media.IceServer;
import io.vitrine.media.MediaApi;
import io.vitrine.realtime.FrameContext;
import io.vitrine.realtime.FrameHandler;
import io.vitrine.realtime.LiveStreams;
import io.vitrine.realtime.protocol.ClientMessage;
import io.vitrine.shared.DomainException;
import java.util.List;
import org.springframework.stereotype.Component;

/** A participant with a seat in a live video dialog becomes a peer of its stream. */
@Component
class StreamHandler implements FrameHandler<ClientMessage.Stream> {

    private final DialogApi dialogs;
    private final MediaApi media;
    private final LiveStreams streams;

    StreamHandler(DialogApi dialogs, MediaApi media, LiveStreams streams) {
        this.dialogs = dialogs;
        this.media = media;
        this.streams = streams;
    }

    @Override
    public String wireType() {
        return "stream";
    }

    @Override
    public Class<ClientMessage.Stream> frameType() {
        return ClientMessage.Stream.class;
    }

    @Override
    public void handle(FrameContext context, ClientMessage.Stream s) {
        if (!context.follows(s.dialogId())) {
            throw DomainException.invalid("Subscribe to the dialog before joining its stream.");
        }
        StreamSeat seat = dialogs.streamSeat(s.dialogId(), context.actor());
        List<IceServer> iceServers = media.iceServers(seat.participantId());
        streams.join(context, s.dialogId(), seat.participantId(), seat.sendsVideo(), s.peerId(),
                (me, peers) -> new StreamFrame(s.dialogId(), seat.participantId(), me.id(), seat.sendsVideo(),
                        iceServers, peers));
    }
}
