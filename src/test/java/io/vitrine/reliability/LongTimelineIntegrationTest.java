package io.vitrine.reliability;

import static io.vitrine.support.Socket.event;
import static io.vitrine.support.Socket.type;
import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.shared.Actor;
import io.vitrine.dialog.DialogApi;
import io.vitrine.shopper.ShopperApi;
import io.vitrine.support.Api;
import io.vitrine.support.IntegrationTest;
import io.vitrine.support.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Timelines of any length are read in full, over HTTP and over the socket; a client ahead of the server resets. */
@Tag("reliability")
class LongTimelineIntegrationTest extends IntegrationTest {

    private static final int MESSAGES = 3000;

    @Autowired
    DialogApi dialogs;

    @Autowired
    ShopperApi shoppers;

    @Test
    void aThreeThousandEventDialogIsReadInFullOverHttpAndOverTheSocket() throws Exception {
        Shop shop = shop("anna");
        Api alex = shop.shopper("Alex");
        String id = alex.post("/api/v1/widget/me/dialogs", Map.of("message", "Hello", "textOnly", true)).body().path("id").asString();
        Actor host = actorOf(alex);
        for (int i = 1; i <= MESSAGES; i++) {
            dialogs.say(UUID.fromString(id), host, "message " + i, "r" + i);
        }
        long lastSeq = dialogs.view(UUID.fromString(id), host).lastSeq();
        assertThat(lastSeq).isGreaterThan(MESSAGES);

        var first = alex.get("/api/v1/widget/me/dialogs/" + id);
        assertThat(first.body().path("hasMore").asBoolean()).isTrue();
        assertThat(first.body().path("events").size()).isEqualTo(1000);
        assertThat(linkToNextPage(alex, "/api/v1/widget/me/dialogs/" + id))
                .contains("afterSeq=" + first.body().path("nextAfterSeq").asLong()).endsWith("; rel=\"next\"");
        List<JsonNode> overHttp = TranscriptPages.read(alex, "/api/v1/widget/me/dialogs/" + id);
        assertThat(overHttp.stream().map(e -> e.path("seq").asLong()).toList()).isEqualTo(LongStream.rangeClosed(1, lastSeq).boxed().toList());
        assertThat(overHttp.getLast().path("text").asString()).isEqualTo("message " + MESSAGES);

        try (Socket socket = Socket.connect(alex)) {
            socket.send(Map.of("type", "hello", "token", alex.token()));
            socket.awaitType("welcome");
            socket.send(Map.of("type", "subscribe", "dialogId", id, "afterSeq", 0));
            assertThat(socket.await(type("subscribed"), Duration.ofSeconds(60)).path("lastSeq").asLong()).isEqualTo(lastSeq);
            List<JsonNode> overSocket = socket.received(type("event"));
            assertThat(overSocket.stream().map(e -> e.path("seq").asLong()).toList()).isEqualTo(LongStream.rangeClosed(1, lastSeq).boxed().toList());
            assertThat(overSocket.getLast().path("text").asString()).isEqualTo("message " + MESSAGES);
        }
    }

    @Test
    void theStaffTranscriptPagesWithALinkToTheNextPage() {
        Shop shop = shop("anna");
        Api alex = shop.shopper("Alex");
        String id = alex.post("/api/v1/widget/me/dialogs", Map.of("message", "Hello", "textOnly", true)).body().path("id").asString();
        for (int i = 1; i <= 5; i++) {
            dialogs.say(UUID.fromString(id), actorOf(alex), "message " + i, null);
        }
        Api admin = shop.staff("admin");
        long firstMessage = TranscriptPages.read(admin, "/api/v1/dialogs/" + id).stream()
                .filter(e -> e.path("text").asString("").equals("message 1")).findFirst().orElseThrow().path("seq").asLong();
        var response = admin.get("/api/v1/dialogs/" + id + "?afterSeq=" + (firstMessage - 1) + "&limit=3");
        JsonNode page = response.body();
        assertThat(page.path("events").findValuesAsString("text")).containsExactly("message 1", "message 2", "message 3");
        assertThat(page.path("nextAfterSeq").asLong()).isEqualTo(firstMessage + 2);
        assertThat(page.path("hasMore").asBoolean()).isTrue();
        JsonNode last = admin.get("/api/v1/dialogs/" + id + "?afterSeq=" + (firstMessage + 2) + "&limit=3").body();
        assertThat(last.path("events").findValuesAsString("text")).containsExactly("message 4", "message 5");
        assertThat(last.path("hasMore").asBoolean()).isFalse();
        assertThat(admin.get("/api/v1/dialogs/" + id + "?limit=5000").status()).isEqualTo(400);
    }

    /** After a server lost its newest events, a client that saw them must not silently skip the new ones. */
    @Test
    void aClientAheadOfTheStoredTimelineIsToldToResetAndGetsItFromTheStart() {
        Shop shop = shop("anna");
        Api alex = shop.shopper("Alex");
        String id = alex.post("/api/v1/widget/me/dialogs", Map.of("message", "Hello", "textOnly", true)).body().path("id").asString();
        dialogs.say(UUID.fromString(id), actorOf(alex), "still here", null);
        long lastSeq = dialogs.view(UUID.fromString(id), actorOf(alex)).lastSeq();

        try (Socket socket = Socket.connect(alex)) {
            socket.send(Map.of("type", "hello", "token", alex.token()));
            socket.awaitType("welcome");
            socket.send(Map.of("type", "subscribe", "dialogId", id, "afterSeq", lastSeq + 5));
            JsonNode reset = socket.await(type("reset"));
            assertThat(reset.path("lastSeq").asLong()).isEqualTo(lastSeq);
            socket.await(type("subscribed"));
            assertThat(socket.received(type("event")).stream().map(e -> e.path("seq").asLong()).toList())
                    .isEqualTo(LongStream.rangeClosed(1, lastSeq).boxed().toList());

            socket.send(Map.of("type", "say", "dialogId", id, "text", "a new message", "clientRef", "n1"));
            assertThat(socket.await(event("MESSAGE").and(f -> "n1".equals(f.path("clientRef").asString(null))))
                    .path("seq").asLong()).isEqualTo(lastSeq + 1);
        }
    }

    /** The response's Link header (the test client's responses carry bodies only). */
    private static String linkToNextPage(Api shopper, String path) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(shopper.base() + path))
                .header("Authorization", "Bearer " + shopper.token()).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding())
                .headers().firstValue("Link").orElse("");
    }

    private Actor actorOf(Api shopper) {
        var known = shoppers.authenticate(shopper.token()).orElseThrow();
        return new Actor.Shopper(known.id(), known.merchantId());
    }
}
