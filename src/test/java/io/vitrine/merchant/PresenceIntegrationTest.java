package io.vitrine.merchant;

import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.support.Api;
import io.vitrine.support.IntegrationTest;
import io.vitrine.support.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Presence follows the console: with a 2 s grace period in tests. */
class PresenceIntegrationTest extends IntegrationTest {

    @Test
    void shouldKeepAnExpertOnlineWhileTheConsoleIsConnectedAndTurnOfflineAfterTheGracePeriod() throws InterruptedException {
        Shop shop = shop("anna");
        Api anna = shop.staff("anna");
        Socket console = Socket.connect(anna);
        console.awaitType("welcome");
        anna.put("/api/v1/me/presence", Map.of("status", "ONLINE"));

        Thread.sleep(3500);
        assertThat(presence(anna)).isEqualTo("ONLINE");
        assertThat(Api.anonymous(port).get("/api/v1/widget/" + shop.slug() + "/config").body().path("expertsOnline").asBoolean())
                .isTrue();

        console.kill();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (!presence(anna).equals("OFFLINE") && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        assertThat(presence(anna)).isEqualTo("OFFLINE");
        assertThat(Api.anonymous(port).get("/api/v1/widget/" + shop.slug() + "/config").body().path("expertsOnline").asBoolean())
                .isFalse();
    }

    @Test
    void shouldTellTheConsoleWhenPresenceChanges() {
        Shop shop = shop("anna");
        Api anna = shop.staff("anna");
        try (Socket console = Socket.connect(anna)) {
            assertThat(console.awaitType("presence").path("status").asString()).isEqualTo("OFFLINE");
            anna.put("/api/v1/me/presence", Map.of("status", "AWAY"));
            assertThat(console.awaitType("presence").path("status").asString()).isEqualTo("AWAY");
        }
    }

    private static String presence(Api staff) {
        return staff.get("/api/v1/me").body().path("member").path("presence").asString();
    }
}
