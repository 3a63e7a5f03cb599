package io.vitrine.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.vitrine.realtime.protocol.ServerMessage;
import io.vitrine.support.Api;
import io.vitrine.support.IntegrationTest;
import io.vitrine.support.Socket;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** A module adds a frame type by contributing a handler bean: the gateway reads, checks and dispatches it. */
@Import(FrameHandlerPluginIntegrationTest.NoteFrames.class)
class FrameHandlerPluginIntegrationTest extends IntegrationTest {

    record Note(@NotNull UUID dialogId, @NotBlank String text) implements ClientFrame {}

    @JsonTypeName("noted")
    record Noted(UUID dialogId, String text, String by) implements ServerMessage {}

    /** What a feature module would declare: a frame of its own, answered to the caller and pushed to the dialog. */
    @TestConfiguration(proxyBeanMethods = false)
    static class NoteFrames {

        @Bean
        FrameHandler<Note> noteHandler(Push push) {
            return new FrameHandler<>() {
                @Override
                public String wireType() {
                    return "note";
                }

                @Override
                public Class<Note> frameType() {
                    return Note.class;
                }

                @Override
                public void handle(FrameContext context, Note note) {
                    context.reply(new Noted(note.dialogId(), note.text(), "you"));
                    push.toDialog(note.dialogId(), new Noted(note.dialogId(), note.text(), "dialog"));
                }
            };
        }
    }

    @Test
    void shouldDispatchAFrameTypeContributedByAnotherModule() {
        Shop shop = shop("anna");
        shop.online("anna");
        Api shopper = shop.shopper("Alex");
        String dialogId = shopper.post("/api/v1/widget/me/dialogs", Map.of()).body().path("id").asString();
        Socket socket = Socket.connect(shopper);

        socket.send(Map.of("type", "note", "dialogId", dialogId, "text", "blue, please"));
        assertThat(socket.awaitType("error").path("code").asString()).isEqualTo("unauthenticated");

        socket.send(Map.of("type", "hello", "token", shopper.token()));
        socket.awaitType("welcome");
        socket.send(Map.of("type", "subscribe", "dialogId", dialogId, "afterSeq", 0));
        socket.awaitType("subscribed");

        socket.send(Map.of("type", "note", "dialogId", dialogId, "text", " "));
        var invalid = socket.awaitType("error");
        assertThat(invalid.path("code").asString()).isEqualTo("invalid");
        assertThat(invalid.path("message").asString()).contains("text");

        socket.send(Map.of("type", "note", "dialogId", dialogId, "text", "blue, please"));
        var reply = socket.await(f -> f.path("type").asString().equals("noted") && f.path("by").asString().equals("you"));
        assertThat(reply.path("text").asString()).isEqualTo("blue, please");
        var pushed = socket.await(f -> f.path("type").asString().equals("noted") && f.path("by").asString().equals("dialog"));
        assertThat(pushed.path("dialogId").asString()).isEqualTo(dialogId);
    }
}
