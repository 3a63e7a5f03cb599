package io.vitrine.realtime.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.vitrine.dialog.DialogView;
import io.vitrine.dialog.EventKind;
import io.vitrine.dialog.Membership;
import io.vitrine.dialog.ProductCard;
import io.vitrine.dialog.StaffQueue;
import io.vitrine.dialog.TimelineEvent;
import io.vitrine.media.IceServer;
import io.vitrine.merchant.Presence;
import io.vitrine.shared.Avatar;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Frames the server sends; see docs/protocol.md. A module adds a frame of its own as a record implementing this
 * interface, named with {@code @JsonTypeName}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ServerMessage.Welcome.class, name = "welcome"),
        @JsonSubTypes.Type(value = ServerMessage.Event.class, name = "event"),
        @JsonSubTypes.Type(value = ServerMessage.Subscribed.class, name = "subscribed"),
        @JsonSubTypes.Type(value = ServerMessage.Reset.class, name = "reset"),
        @JsonSubTypes.Type(value = ServerMessage.Dialog.class, name = "dialog"),
        @JsonSubTypes.Type(value = ServerMessage.Queue.class, name = "queue"),
        @JsonSubTypes.Type(value = ServerMessage.StaffQueueUpdate.class, name = "staffQueue"),
        @JsonSubTypes.Type(value = ServerMessage.PresenceUpdate.class, name = "presence"),
        @JsonSubTypes.Type(value = ServerMessage.Typing.class, name = "typing"),
        @JsonSubTypes.Type(value = ServerMessage.Pong.class, name = "pong"),
        @JsonSubTypes.Type(value = ServerMessage.Error.class, name = "error"),
        @JsonSubTypes.Type(value = ServerMessage.Stream.class, name = "stream"),
        @JsonSubTypes.Type(value = ServerMessage.Peers.class, name = "peers"),
        @JsonSubTypes.Type(value = ServerMessage.Signal.class, name = "signal"),
        @JsonSubTypes.Type(value = ServerMessage.Media.class, name = "media")
})
public interface ServerMessage {

    record Welcome(String kind, UUID id, String name) implements ServerMessage {}

    /** {@code product} is present on product cards only (kind {@code PRODUCT}); other events look as before. */
    record Event(UUID dialogId, long seq, EventKind kind, Instant at, Avatar author, String text, String clientRef,
            @JsonInclude(JsonInclude.Include.NON_NULL) ProductCard product) implements ServerMessage {

        public Event(UUID dialogId, long seq, EventKind kind, Instant at, Avatar author, String text, String clientRef) {
            this(dialogId, seq, kind, at, author, text, clientRef, null);
        }

        public static Event of(TimelineEvent e) {
            return new Event(e.dialogId(), e.seq(), e.kind(), e.at(), e.author(), e.text(), e.clientRef(), e.product());
        }
    }

    record Subscribed(UUID dialogId, long lastSeq, DialogView dialog, Membership you) implements ServerMessage {}

    /**
     * The client asked to resume after a sequence the server does not have (its copy is from a timeline the
     * server no longer holds): it drops its copy; the whole timeline follows from the start.
     */
    record Reset(UUID dialogId, long lastSeq) implements ServerMessage {}

    record Dialog(DialogView dialog) implements ServerMessage {}

    record Queue(UUID dialogId, int position, boolean expertsOnline) implements ServerMessage {}

    record StaffQueueUpdate(List<StaffQueue.Entry> waiting, List<StaffQueue.Entry> messages) implements ServerMessage {

        public static StaffQueueUpdate of(StaffQueue queue) {
            return new StaffQueueUpdate(queue.waiting(), queue.messages());
        }
    }

    record PresenceUpdate(UUID memberId, Presence status) implements ServerMessage {}

    record Typing(UUID dialogId, String participantId, String name) implements ServerMessage {}

    record Pong() implements ServerMessage {}

    record Error(String code, String message, UUID dialogId) implements ServerMessage {}

    /**
     * The answer to a client's {@code stream}: its participant id, its peer id (this connection), whether it may
     * send video, ICE servers with fresh TURN credentials, and the peers.
     */
    record Stream(UUID dialogId, String you, String peerId, boolean sendsVideo, List<IceServer> iceServers,
            List<StreamPeer> peers) implements ServerMessage {}

    /** One connection in a stream: signals are addressed to its {@code id}. */
    record StreamPeer(String id, String participantId) {}

    /**
     * The connections in a dialog's stream, sent whenever that set changes; {@code elsewhere} names participants
     * who are on camera in another dialog right now (an expert with several dialogs).
     */
    record Peers(UUID dialogId, List<StreamPeer> peers, List<String> elsewhere) implements ServerMessage {}

    /** From one peer ({@code from}, a peer id, of participant {@code participantId}) to this connection only. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Signal(UUID dialogId, String from, String participantId, SessionDescription description,
            IceCandidate candidate) implements ServerMessage {}

    record Media(UUID dialogId, String participantId, boolean mic, boolean camera) implements ServerMessage {}
}
