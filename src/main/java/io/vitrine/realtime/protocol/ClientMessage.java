package io.vitrine.realtime.protocol;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import jakarta.validation.constraints.NotNull;
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
        @JsonSubTypes.Type(value = ClientMessage.Ping.class, name = "ping")
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
}
