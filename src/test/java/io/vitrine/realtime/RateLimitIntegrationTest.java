package io.vitrine.realtime;

import static io.vitrine.support.Socket.type;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vitrine.support.Api;
import io.vitrine.support.IntegrationTest;
import io.vitrine.support.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Opening more sockets buys a shopper no more messages; other shoppers keep their own budget. */
@Tag("reliability")
class RateLimitIntegrationTest extends IntegrationTest {

    private static final int SOCKETS = 20;
    private static final int SAYS_PER_SOCKET = 10;
    private static final int PARTICIPANT_RATE = 15;
    private static final int PARTICIPANT_BURST = 30;

    @Test
    void shouldHoldOneShopperToOneBudgetAcrossTwentySockets() {
        var shop = shop("anna");
        shop.online("anna");
        Api alex = shop.shopper("Alex");
        Api bo = shop.shopper("Bo");
        String alexDialog = alex.post("/api/v1/widget/me/dialogs", Map.of()).body().path("id").asString();
        String boDialog = bo.post("/api/v1/widget/me/dialogs", Map.of()).body().path("id").asString();
        List<Socket> sockets = new ArrayList<>();
        for (int i = 0; i < SOCKETS; i++) {
            sockets.add(Socket.welcomed(alex));
        }

        long start = System.nanoTime();
        for (int round = 0; round < SAYS_PER_SOCKET; round++) {
            for (int i = 0; i < SOCKETS; i++) {
                sockets.get(i).send(Map.of("type", "say", "dialogId", alexDialog, "text", "spam " + round + "-" + i));
            }
        }
        int attempts = SOCKETS * SAYS_PER_SOCKET;
        await().atMost(Duration.ofSeconds(30)).until(() -> stored(alex, alexDialog) + refused(sockets) == attempts);
        double seconds = (System.nanoTime() - start) / 1e9;
        int stored = stored(alex, alexDialog);
        System.out.printf("Rate limit: one shopper, %d sockets, %d messages tried, all handled within %.2f s, %d stored%n",
                SOCKETS, attempts, seconds, stored);
        assertThat(stored).isLessThanOrEqualTo(PARTICIPANT_BURST + (int) Math.ceil(PARTICIPANT_RATE * seconds) + 1);

        Socket boSocket = Socket.welcomed(bo);
        for (int i = 0; i < 10; i++) {
            boSocket.send(Map.of("type", "say", "dialogId", boDialog, "text", "question " + i));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> stored(bo, boDialog) == 10);
        assertThat(refused(List.of(boSocket))).isZero();
        sockets.forEach(Socket::close);
        boSocket.close();
    }


    private static int stored(Api shopper, String dialogId) {
        int messages = 0;
        for (var event : shopper.get("/api/v1/widget/me/dialogs/" + dialogId).body().path("events")) {
            if ("MESSAGE".equals(event.path("kind").asString())) {
                messages++;
            }
        }
        return messages;
    }

    private static int refused(List<Socket> sockets) {
        return sockets.stream().mapToInt(s -> s.received(f -> type("error").test(f)
                && "rate_limited".equals(f.path("code").asString())).size()).sum();
    }
}
