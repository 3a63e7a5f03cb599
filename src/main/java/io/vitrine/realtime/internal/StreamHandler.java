package io.vitrine.realtime.internal;

import io.vitrine.dialog.DialogApi;
import io.vitrine.dialog.StreamSeat;
import io.vitrine.media.IceServer;
import io.vitrine.media.MediaApi;
import io.vitrine.realtime.FrameContext;
import io.vitrine.realtime.FrameHandler;
import io.vitrine.realtime.protocol.ClientMessage;
import io.vitrine.realtime.protocol.ServerMessage;
import io.vitrine.shared.DomainException;
import java.util.List;
import org.springframework.stereotype.Component;

/** A participant with a seat in a live video dialog becomes a peer of its stream. */
@Component
class StreamHandler implements FrameHandler<ClientMessage.Stream> {

    private final DialogApi dialogs;
    private final MediaApi media;
    private final Streams streams;
    private final PeerAnnouncements announcements;

    StreamHandler(DialogApi dialogs, MediaApi media, Streams streams, PeerAnnouncements announcements) {
        this.dialogs = dialogs;
        this.media = media;
        this.streams = streams;
        this.announcements = announcements;
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
        Connection connection = Caller.connectionOf(context);
        if (!connection.follows(s.dialogId())) {
            throw DomainException.invalid("Subscribe to the dialog before joining its stream.");
        }
        StreamSeat seat = dialogs.streamSeat(s.dialogId(), context.actor());
        List<IceServer> iceServers = media.iceServers(seat.participantId());
        // Joining, answering and announcing happen as one step per node, so no other peer's announcement can
        // overtake this connection's answer and leave it with an outdated list.
        synchronized (streams) {
            Streams.Joined joined = streams.join(s.dialogId(), connection, seat.participantId(), seat.sendsVideo(),
                    context.actor(), s.peerId());
            Streams.Peer me = joined.peer();
            context.reply(new ServerMessage.Stream(s.dialogId(), seat.participantId(), me.id(), seat.sendsVideo(),
                    iceServers, streams.peers(s.dialogId())));
            streams.mediaStates(s.dialogId()).forEach((participantId, state) -> context.reply(
                    new ServerMessage.Media(s.dialogId(), participantId, state.mic(), state.camera())));
            if (joined.changed()) {
                announcements.publishPeers(s.dialogId(), me);
            }
        }
    }
}
