package io.vitrine.dialog;

import static io.vitrine.support.Socket.event;
import static io.vitrine.support.Socket.type;
import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.support.Api;
import io.vitrine.support.IntegrationTest;
import io.vitrine.support.Socket;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The whole path through the real HTTP and WebSocket endpoints. */
class LiveDialogIntegrationTest extends IntegrationTest {

    @Test
    void shopperAndExpertTalkFromRequestToRatingWithoutLosingAnythingOnReconnect() {
        Shop shop = shop("anna");
        Api anna = shop.online("anna");
        String annaId = shop.memberId("anna").toString();
        Socket annaWs = Socket.connect(anna);
        assertThat(annaWs.awaitType("welcome").path("kind").asString()).isEqualTo("staff");

        Api alex = shop.shopper("Alex Shopper");
        Socket alexWs = Socket.connect(alex);
        alexWs.send(Map.of("type", "hello", "token", alex.token()));
        assertThat(alexWs.awaitType("welcome").path("name").asString()).isEqualTo("Alex Shopper");

        var requested = alex.post("/api/v1/widget/me/dialogs", Map.of());
        assertThat(requested.status()).isEqualTo(201);
        assertThat(requested.body().path("status").asString()).isEqualTo("WAITING");
        assertThat(requested.body().path("host").path("initials").asString()).isEqualTo("AS");
        String id = requested.body().path("id").asString();

        alexWs.send(Map.of("type", "subscribe", "dialogId", id, "afterSeq", 0));
        assertThat(alexWs.await(event("REQUESTED")).path("seq").asLong()).isEqualTo(1);
        alexWs.await(type("subscribed"));
        alexWs.await(f -> type("queue").test(f) && f.path("position").asInt() == 1 && f.path("expertsOnline").asBoolean());

        annaWs.await(f -> type("staffQueue").test(f) && f.path("waiting").size() == 1
                && annaId.equals(f.path("waiting").get(0).path("offeredTo").asString()));

        var accepted = anna.post("/api/v1/dialogs/" + id + "/accept", null);
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.body().path("status").asString()).isEqualTo("ACTIVE");
        assertThat(alexWs.await(event("ACCEPTED")).path("author").path("name").asString()).isEqualTo("Anna Expert");
        alexWs.await(f -> type("dialog").test(f) && "ACTIVE".equals(f.path("dialog").path("status").asString())
                && "Anna Expert".equals(f.path("dialog").path("expert").path("name").asString()));

        annaWs.send(Map.of("type", "subscribe", "dialogId", id, "afterSeq", 0));
        annaWs.await(type("subscribed"));

        alexWs.send(Map.of("type", "say", "dialogId", id, "text", "Do you have it in <b>blue</b>?", "clientRef", "c-1"));
        JsonNode atExpert = annaWs.await(event("MESSAGE"));
        assertThat(atExpert.path("text").asString()).isEqualTo("Do you have it in <b>blue</b>?");
        assertThat(atExpert.path("author").path("role").asString()).isEqualTo("HOST");
        assertThat(alexWs.await(event("MESSAGE")).path("clientRef").asString()).isEqualTo("c-1");

        annaWs.send(Map.of("type", "say", "dialogId", id, "text", "Yes, here it is."));
        JsonNode reply = alexWs.await(f -> event("MESSAGE").test(f) && f.path("text").asString().equals("Yes, here it is."));
        long lastSeen = reply.path("seq").asLong();

        alexWs.kill();
        annaWs.send(Map.of("type", "say", "dialogId", id, "text", "Are you still there?"));
        annaWs.send(Map.of("type", "say", "dialogId", id, "text", "I found two more shades."));
        annaWs.await(f -> event("MESSAGE").test(f) && f.path("text").asString().equals("I found two more shades."));

        Socket resumed = Socket.connect(alex);
        resumed.send(Map.of("type", "hello", "token", alex.token()));
        resumed.awaitType("welcome");
        resumed.send(Map.of("type", "subscribe", "dialogId", id, "afterSeq", lastSeen));
        JsonNode subscribed = resumed.await(type("subscribed"));
        List<JsonNode> missed = resumed.received(event("MESSAGE"));
        assertThat(texts(missed, "text")).containsExactly("Are you still there?", "I found two more shades.");
        assertThat(missed.stream().map(n -> n.path("seq").asLong()).toList())
                .containsExactly(lastSeen + 1, lastSeen + 2);
        assertThat(subscribed.path("lastSeq").asLong()).isEqualTo(lastSeen + 2);

        var ended = alex.post("/api/v1/widget/me/dialogs/" + id + "/end", null);
        assertThat(ended.body().path("status").asString()).isEqualTo("ENDED");
        annaWs.await(event("ENDED"));

        var rated = alex.post("/api/v1/widget/me/dialogs/" + id + "/rating", Map.of("score", 5, "comment", "Great help"));
        assertThat(rated.status()).isEqualTo(200);
        assertThat(rated.body().path("rating").asInt()).isEqualTo(5);

        JsonNode shopperHistory = alex.get("/api/v1/widget/me/dialogs").body();
        assertThat(shopperHistory.get(0).path("id").asString()).isEqualTo(id);
        assertThat(shopperHistory.get(0).path("status").asString()).isEqualTo("ENDED");
        assertThat(shopperHistory.get(0).path("ratingComment").asString()).isEqualTo("Great help");

        JsonNode transcript = alex.get("/api/v1/widget/me/dialogs/" + id).body();
        List<Long> seqs = StreamSupport.stream(transcript.path("events").spliterator(), false)
                .map(e -> e.path("seq").asLong()).toList();
        assertThat(seqs).isEqualTo(java.util.stream.LongStream.rangeClosed(1, seqs.size()).boxed().toList());
        assertThat(texts(StreamSupport.stream(transcript.path("events").spliterator(), false).toList(), "kind"))
                .containsExactly("REQUESTED", "ACCEPTED", "MESSAGE", "MESSAGE", "MESSAGE", "MESSAGE", "ENDED", "RATED");

        JsonNode expertHistory = anna.get("/api/v1/dialogs?status=ENDED&mine=true").body();
        assertThat(expertHistory).hasSize(1);
        assertThat(expertHistory.get(0).path("rating").asInt()).isEqualTo(5);

        JsonNode log = anna.get("/api/v1/dialogs/" + id + "/log").body();
        assertThat(texts(StreamSupport.stream(log.spliterator(), false).toList(), "kind"))
                .containsExactly("CREATED", "OFFERED", "ACCEPTED", "ENDED", "RATED");
        annaWs.close();
        resumed.close();
    }

    @Test
    void aShopperCanWriteWhileWaitingAndTheExpertSeesItOnAccepting() {
        Shop shop = shop("anna");
        Api anna = shop.online("anna");
        Api alex = shop.shopper("Alex");
        String id = alex.post("/api/v1/widget/me/dialogs", Map.of("message", "Looking for running shoes")).body().path("id").asString();

        var accepted = acceptWhenOffered(anna, id);
        assertThat(accepted.body().path("lastMessage").asString()).isEqualTo("Looking for running shoes");
        JsonNode transcript = anna.get("/api/v1/dialogs/" + id).body();
        assertThat(transcript.path("events").get(1).path("text").asString()).isEqualTo("Looking for running shoes");
    }

    @Test
    void aSecondRequestWhileADialogIsOpenReturnsTheOpenDialog() {
        Shop shop = shop("anna");
        shop.online("anna");
        Api alex = shop.shopper("Alex");
        String first = alex.post("/api/v1/widget/me/dialogs", Map.of()).body().path("id").asString();
        String second = alex.post("/api/v1/widget/me/dialogs", Map.of()).body().path("id").asString();
        assertThat(second).isEqualTo(first);
        assertThat(alex.get("/api/v1/widget/me/dialogs").body()).hasSize(1);
    }

    @Test
    void withNobodyOnlineTheShopperLeavesAMessageThatAnExpertAnswersLater() {
        Shop shop = shop("anna");
        Api alex = shop.shopper("Alex");
        assertThat(alex.get("/api/v1/widget/" + shop.slug() + "/config").body().path("expertsOnline").asBoolean()).isFalse();

        var refused = alex.post("/api/v1/widget/me/dialogs", Map.of());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().path("code").asString()).isEqualTo("no_expert_online");

        var left = alex.post("/api/v1/widget/me/dialogs", Map.of("message", "Please tell me when size 42 is back"));
        assertThat(left.status()).isEqualTo(201);
        assertThat(left.body().path("status").asString()).isEqualTo("MESSAGE");
        String id = left.body().path("id").asString();

        Api anna = shop.online("anna");
        Socket annaWs = Socket.connect(anna);
        JsonNode queue = annaWs.await(f -> type("staffQueue").test(f) && f.path("messages").size() == 1);
        assertThat(queue.path("messages").get(0).path("lastMessage").asString()).isEqualTo("Please tell me when size 42 is back");
        assertThat(queue.path("messages").get(0).path("host").path("name").asString()).isEqualTo("Alex");

        assertThat(anna.post("/api/v1/dialogs/" + id + "/accept", null).body().path("status").asString()).isEqualTo("ACTIVE");
        annaWs.send(Map.of("type", "subscribe", "dialogId", id, "afterSeq", 0));
        annaWs.send(Map.of("type", "say", "dialogId", id, "text", "It is back in stock!"));
        annaWs.await(f -> event("MESSAGE").test(f) && f.path("text").asString().equals("It is back in stock!"));

        JsonNode transcript = alex.get("/api/v1/widget/me/dialogs/" + id).body();
        assertThat(texts(StreamSupport.stream(transcript.path("events").spliterator(), false).toList(), "text"))
                .contains("Please tell me when size 42 is back", "It is back in stock!");
        annaWs.close();
    }

    /** The offer reaches the expert once the request is routed, a moment after it was made. */
    private static Api.Response acceptWhenOffered(Api expert, String id) {
        long deadline = System.nanoTime() + 20_000_000_000L;
        var response = expert.post("/api/v1/dialogs/" + id + "/accept", null);
        while (response.status() != 200 && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(100_000_000L);
            response = expert.post("/api/v1/dialogs/" + id + "/accept", null);
        }
        return response;
    }
}
