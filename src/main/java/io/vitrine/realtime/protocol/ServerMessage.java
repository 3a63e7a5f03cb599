package io.vitrine.realtime.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.vitrine.merchant.Presence;
import java.util.List;
import java.util.UUID;

/**
 * Frames the server sends; see docs/protocol.md. A module adds a frame of its own as a record implementing this
 * interface, named with {@code @JsonTypeName}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ServerMessage.Welcome.class, name = "welcome"),
        @JsonSubTypes.Type(value = ServerMessage.Reset.class, name = "reset"),
        @JsonSubTypes.Type(value = ServerMessage.PresenceUpdate.class, name = "presence"),
        @JsonSubTypes.Type(value = ServerMessage.Typing.class, name = "typing"),
        @JsonSubTypes.Type(value = ServerMessage.Pong.class, name = "pong"),
        @JsonSubTypes.Type(value = ServerMessage.Error.class, name = "error"),
        @JsonSubTypes.Type(value = ServerMessage.Peers.class, name = "peers"),
        @JsonSubTypes.Type(value = ServerMessage.Signal.class, name = "signal"),
        @JsonSubTypes.Type(value = ServerMessage.Media.class, name = "media")
})
public interface ServerMessage {

    /**
     * A frame that carries one event of a dialog's sequenced timeline: each connection following the dialog
     * receives each sequence once, in order, whether replayed or live.
     */
    interface Sequenced extends ServerMessage {

        UUID dialogId();

        long seq();
    }

    record Welcome(String kind, UUID id, String name) implements ServerMessage {}

    /**
     * The client asked to resume after a sequence the server does not have (its copy is from a timeline the
     * server no longer holds): it drops its copy; the whole timeline follows from the start.
     */
    record Reset(UUID dialogId, long lastSeq) implements ServerMessage {}

    record PresenceUpdate(UUID memberId, Presence status) implements ServerMessage {}

    record Typing(UUID dialogId, String participantId, String name) implements ServerMessage {}

    record Pong() implements ServerMessage {}

    record Error(String code, String message, UUID dialogId) implements ServerMessage {}

    /**
     * One connection in a stream: signals are addressed to its {@code id}; {@code sendsVideo} when it sends video
     * (the expert), so a page knows from whom to expect video.
     */
    record StreamPeer(String id, String participantId, boolean sendsVideo) {}

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
