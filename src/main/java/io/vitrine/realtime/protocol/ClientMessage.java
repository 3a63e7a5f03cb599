package io.vitrine.realtime.protocol;

import io.vitrine.realtime.ClientFrame;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.UUID;

/**
 * The frames of the dialog and its stream a client sends; see docs/protocol.md. Each is read by the
 * {@link io.vitrine.realtime.FrameHandler} of its wire type.
 */
public sealed interface ClientMessage extends ClientFrame {

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
