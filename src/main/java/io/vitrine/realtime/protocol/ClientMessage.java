package io.vitrine.realtime.protocol;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.UUID;

/** Frames a client sends; see docs/protocol.md. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ClientMessage.Hello.class, name = "hello"),
        @JsonSubTypes.Type(value = ClientMessage.Subscribe.class, name = "subscribe"),
        @JsonSubTypes.Type(value = ClientMessage.Unsubscribe.class, name = "unsubscribe"),
        @JsonSubTypes.Type(value = ClientMessage.Say.class, name = "say"),
        @JsonSubTypes.Type(value = ClientMessage.Typing.class, name = "typing"),
        @JsonSubTypes.Type(value = ClientMessage.Ping.class, name = "ping"),
        @JsonSubTypes.Type(value = ClientMessage.Stream.class, name = "stream"),
        @JsonSubTypes.Type(value = ClientMessage.Signal.class, name = "signal"),
        @JsonSubTypes.Type(value = ClientMessage.Media.class, name = "media")
})
public sealed interface ClientMessage {

    /** The dialog a frame is about, if any: errors about it name it. */
    default UUID dialogId() {
        return null;
    }

    record Hello(String token) implements ClientMessage {}

    record Subscribe(@NotNull UUID dialogId, @PositiveOrZero long afterSeq) implements ClientMessage {}

    record Unsubscribe(@NotNull UUID dialogId) implements ClientMessage {}

    record Say(@NotNull UUID dialogId, String text, String clientRef) implements ClientMessage {}

    record Typing(@NotNull UUID dialogId) implements ClientMessage {}

    record Ping() implements ClientMessage {}

    /**
     * "I am ready for media in this dialog": the sender becomes one of the stream's peers. {@code peerId}
     * (optional) is the peer id this page had on its previous socket, to carry on as that peer.
     */
    record Stream(@NotNull UUID dialogId, @Pattern(regexp = "p[0-9a-f]{24}") String peerId) implements ClientMessage {}

    /** A WebRTC offer, answer or ICE candidate for one other peer (its peer id); exactly one of description and candidate. */
    record Signal(@NotNull UUID dialogId, @NotBlank @Size(max = 64) String to, @Valid SessionDescription description,
            @Valid IceCandidate candidate) implements ClientMessage {

        @AssertTrue(message = "must carry exactly one of description and candidate")
        public boolean isOneKind() {
            return (description == null) != (candidate == null);
        }
    }

    /** The sender's microphone and camera switched on or off. */
    record Media(@NotNull UUID dialogId, boolean mic, boolean camera) implements ClientMessage {}
}
