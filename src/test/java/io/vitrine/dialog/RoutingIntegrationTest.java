package io.vitrine.dialog;

import static io.vitrine.support.Socket.type;
import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.merchant.MerchantSettings;
import io.vitrine.support.Api;
import io.vitrine.support.IntegrationTest;
import io.vitrine.support.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Routing against the stored queue, with a 2 s offer timeout. */
class RoutingIntegrationTest extends IntegrationTest {

    private static MerchantSettings capacity(int capacity, int fallbackSeconds) {
        return new MerchantSettings("#1f6feb", "bottom-right", "Live", false, List.of(), null, fallbackSeconds, capacity, true);
    }

    @Test
    void shouldQueueBeyondCapacityInOrderAndMovePositionsAsExpertsFreeUp() {
        Shop shop = shop(capacity(1, 60), "anna");
        Api anna = shop.online("anna");
        Api first = shop.shopper("First"), second = shop.shopper("Second"), third = shop.shopper("Third");
        String d1 = request(first), d2 = request(second), d3 = request(third);

        Socket secondWs = follow(second, d2);
        Socket thirdWs = follow(third, d3);
        secondWs.await(f -> type("queue").test(f) && f.path("position").asInt() == 2);
        thirdWs.await(f -> type("queue").test(f) && f.path("position").asInt() == 3);

        assertThat(anna.post("/api/v1/dialogs/" + d1 + "/accept", null).status()).isEqualTo(200);
        secondWs.await(f -> type("queue").test(f) && f.path("position").asInt() == 1);
        thirdWs.await(f -> type("queue").test(f) && f.path("position").asInt() == 2);
        assertThat(anna.post("/api/v1/dialogs/" + d2 + "/accept", null).body().path("code").asString())
                .as("anna is at capacity, so the second request is not offered to her yet").isEqualTo("not_offered");

        anna.post("/api/v1/dialogs/" + d1 + "/end", null);
        awaitOffer(anna, d2);
        assertThat(anna.post("/api/v1/dialogs/" + d2 + "/accept", null).status()).isEqualTo(200);
        thirdWs.await(f -> type("queue").test(f) && f.path("position").asInt() == 1);
    }

    @Test
    void shouldMoveAnUnansweredOfferToTheNextExpertAfterTheTimeout() {
        Shop shop = shop("anna", "ben");
        Api anna = shop.online("anna");
        Api ben = shop.online("ben");
        String id = request(shop.shopper("Alex"));

        awaitOffer(anna, id);
        awaitOffer(ben, id);
        JsonNode log = anna.get("/api/v1/dialogs/" + id + "/log").body();
        assertThat(kinds(log)).containsSubsequence("OFFERED", "MISSED", "OFFERED");
        assertThat(log.get(2).path("detail").asString()).isEqualTo("Missed by Anna Expert");
        assertThat(ben.post("/api/v1/dialogs/" + id + "/accept", null).status()).isEqualTo(200);
        assertThat(anna.post("/api/v1/dialogs/" + id + "/accept", null).status()).isEqualTo(409);
    }

    @Test
    void shouldNotOfferRequestsToAwayExpertsAndWithdrawTheirPendingOffers() {
        Shop shop = shop("anna", "ben");
        Api anna = shop.online("anna");
        String id = request(shop.shopper("Alex"));
        awaitOffer(anna, id);

        Api ben = shop.online("ben");
        anna.put("/api/v1/me/presence", Map.of("status", "AWAY"));
        awaitOffer(ben, id);
        assertThat(kinds(anna.get("/api/v1/dialogs/" + id + "/log").body())).contains("WITHDRAWN");

        String next = request(shop.shopper("Blake"));
        ben.post("/api/v1/dialogs/" + id + "/accept", null);
        awaitOffer(ben, next);
    }

    @Test
    void shouldOfferATargetedRequestToTheTargetedExpertThenToTheTeamAfterTheFallback() {
        Shop shop = shop(capacity(1, 5), "anna", "ben");
        Api anna = shop.online("anna");
        Api ben = shop.online("ben");
        String busy = request(shop.shopper("Busy"), Map.of("expert", "ben"));
        awaitOffer(ben, busy);
        ben.post("/api/v1/dialogs/" + busy + "/accept", null);

        String targeted = request(shop.shopper("Alex"), Map.of("expert", "ben"));
        Socket annaWs = Socket.connect(anna);
        annaWs.await(f -> type("staffQueue").test(f) && f.path("waiting").size() == 1
                && f.path("waiting").get(0).path("offeredTo").isNull());
        annaWs.await(f -> type("staffQueue").test(f) && f.path("waiting").size() == 1
                && shop.memberId("anna").toString().equals(f.path("waiting").get(0).path("offeredTo").asString()),
                Duration.ofSeconds(10));
        assertThat(anna.post("/api/v1/dialogs/" + targeted + "/accept", null).status()).isEqualTo(200);
        annaWs.close();
    }

    @Test
    void shouldPreferTheShoppersPreviousExpert() {
        Shop shop = shop("anna", "ben");
        Api ben = shop.online("ben");
        Api alex = shop.shopper("Alex");
        String first = request(alex);
        awaitOffer(ben, first);
        ben.post("/api/v1/dialogs/" + first + "/accept", null);
        alex.post("/api/v1/widget/me/dialogs/" + first + "/end", null);

        Api anna = shop.online("anna");
        ben.put("/api/v1/me/presence", Map.of("status", "AWAY"));
        ben.put("/api/v1/me/presence", Map.of("status", "ONLINE"));
        String second = request(alex);
        awaitOffer(ben, second);
        assertThat(ben.post("/api/v1/dialogs/" + second + "/accept", null).status()).isEqualTo(200);
        assertThat(anna.get("/api/v1/dialogs/" + second).body().path("dialog").path("expert").path("name").asString())
                .isEqualTo("Ben Expert");
    }

    private static String request(Api shopper) {
        return request(shopper, Map.of());
    }

    private static String request(Api shopper, Map<String, ?> body) {
        var response = shopper.post("/api/v1/widget/me/dialogs", body);
        assertThat(response.status()).as(response.raw()).isEqualTo(201);
        return response.body().path("id").asString();
    }

    private static Socket follow(Api shopper, String dialogId) {
        Socket socket = Socket.connect(shopper);
        socket.send(Map.of("type", "hello", "token", shopper.token()));
        socket.send(Map.of("type", "subscribe", "dialogId", dialogId, "afterSeq", 0));
        socket.await(type("subscribed"));
        return socket;
    }

    /** Waits until the dialog is offered to the member behind this session. */
    private static void awaitOffer(Api expert, String dialogId) {
        String memberId = expert.get("/api/v1/me").body().path("member").path("id").asString();
        try (Socket socket = Socket.connect(expert)) {
            socket.await(f -> type("staffQueue").test(f) && StreamSupport.stream(f.path("waiting").spliterator(), false)
                    .anyMatch(w -> w.path("dialogId").asString().equals(dialogId)
                            && w.path("offeredTo").asString().equals(memberId)), Duration.ofSeconds(10));
        }
    }

    private static List<String> kinds(JsonNode log) {
        return StreamSupport.stream(log.spliterator(), false).map(e -> e.path("kind").asString()).toList();
    }
}
