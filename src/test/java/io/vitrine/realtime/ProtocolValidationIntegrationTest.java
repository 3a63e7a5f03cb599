package io.vitrine.realtime;

import static io.vitrine.support.Socket.type;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vitrine.support.Api;
import io.vitrine.support.IntegrationTest;
import io.vitrine.support.Socket;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every bad frame gets an error frame; the connection stays open and nothing else is affected. */
class ProtocolValidationIntegrationTest extends IntegrationTest {

    private Shop shop;
    private Api shopper;
    private Socket socket;
    private String dialogId;

    @BeforeEach
    void connectedShopperWithAWaitingDialog() {
        shop = shop("anna");
        shop.online("anna");
        shopper = shop.shopper("Alex");
        dialogId = shopper.post("/api/v1/widget/me/dialogs", Map.of()).body().path("id").asString();
        socket = Socket.connect(shopper);
    }

    @Test
    void shouldRequireHelloWithAKnownTokenBeforeAnythingElse() {
        socket.send(Map.of("type", "subscribe", "dialogId", dialogId, "afterSeq", 0));
        assertThat(socket.awaitType("error").path("code").asString()).isEqualTo("unauthenticated");
        socket.send(Map.of("type", "hello", "token", "not-a-real-token"));
        assertThat(socket.awaitType("error").path("code").asString()).isEqualTo("unauthenticated");
        socket.send(Map.of("type", "hello", "token", shopper.token()));
        assertThat(socket.awaitType("welcome").path("kind").asString()).isEqualTo("shopper");
    }

    @Test
    void shouldAnswerMalformedFramesWithAnErrorAndKeepTheConnection() {
        socket.send(Map.of("type", "hello", "token", shopper.token()));
        socket.awaitType("welcome");

        socket.sendRaw("{not json");
        assertThat(socket.awaitType("error").path("code").asString()).isEqualTo("bad_json");
        socket.sendRaw("[1,2,3]");
        assertThat(socket.awaitType("error").path("code").asString()).isEqualTo("bad_json");
        socket.sendRaw("{\"type\":\"launch-rockets\"}");
        assertThat(socket.awaitType("error").path("code").asString()).isEqualTo("unknown_type");
        socket.sendRaw("{\"text\":\"no type\"}");
        assertThat(socket.awaitType("error").path("code").asString()).isEqualTo("unknown_type");
        socket.sendRaw("{\"type\":\"say\",\"text\":\"no dialog\"}");
        assertThat(socket.awaitType("error").path("message").asString()).contains("dialogId");
        socket.sendRaw("{\"type\":\"say\",\"dialogId\":\"not-a-uuid\",\"text\":\"x\"}");
        assertThat(socket.awaitType("error").path("code").asString()).isEqualTo("invalid");
        socket.sendRaw("{\"type\":\"subscribe\",\"dialogId\":\"" + dialogId + "\",\"afterSeq\":-4}");
        assertThat(socket.awaitType("error").path("code").asString()).isEqualTo("invalid");

        socket.send(Map.of("type", "ping"));
        socket.awaitType("pong");
        assertThat(socket.isClosed()).isFalse();
    }

    @Test
    void shouldRefuseEmptyAndOverlongMessagesAndWritingIntoOthersOrEndedDialogs() {
        socket.send(Map.of("type", "hello", "token", shopper.token()));
        socket.awaitType("welcome");

        socket.send(Map.of("type", "say", "dialogId", dialogId, "text", "   "));
        assertThat(socket.awaitType("error").path("message").asString()).contains("between 1 and 2000");
        socket.send(Map.of("type", "say", "dialogId", dialogId, "text", "x".repeat(2001)));
        var tooLong = socket.awaitType("error");
        assertThat(tooLong.path("code").asString()).isEqualTo("invalid");
        assertThat(tooLong.path("dialogId").asString()).isEqualTo(dialogId);
        socket.send(Map.of("type", "say", "dialogId", UUID.randomUUID().toString(), "text", "hi"));
        assertThat(socket.awaitType("error").path("code").asString()).isEqualTo("not_found");

        socket.send(Map.of("type", "say", "dialogId", dialogId, "text", "x".repeat(2000)));
        socket.send(Map.of("type", "subscribe", "dialogId", dialogId, "afterSeq", 0));
        socket.await(f -> "event".equals(f.path("type").asString()) && f.path("text").asString().length() == 2000);

        shopper.post("/api/v1/widget/me/dialogs/" + dialogId + "/end", null);
        socket.send(Map.of("type", "say", "dialogId", dialogId, "text", "too late"));
        assertThat(socket.awaitType("error").path("code").asString()).isEqualTo("ended");
    }

    @Test
    void shouldThrottleAFloodingClientAndKeepServingIt() throws InterruptedException {
        socket.send(Map.of("type", "hello", "token", shopper.token()));
        socket.awaitType("welcome");
        for (int i = 0; i < 60; i++) {
            socket.send(Map.of("type", "ping"));
        }
        socket.await(f -> type("error").test(f) && "rate_limited".equals(f.path("code").asString()));
        Thread.sleep(1500);
        socket.send(Map.of("type", "ping"));
        socket.awaitType("pong");
        assertThat(socket.isClosed()).isFalse();
    }

    @Test
    void shouldRefuseHandshakesFromForeignOrigins() {
        assertThatThrownBy(() -> Socket.connect(shopper, "https://evil.example")).rootCause().hasMessageContaining("403");
        Socket.connect(shopper, "http://localhost:" + port).close();
    }
}
