package io.vitrine.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.support.Api;
import io.vitrine.support.IntegrationTest;
import io.vitrine.support.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** A shopper token lives while it is used, dies after a time without use, and can be revoked by its holder. */
@TestPropertySource(properties = "vitrine.shopper.token-ttl=4s")
class ShopperTokenIntegrationTest extends IntegrationTest {

    @Test
    void shouldStopWorkingWhenTheShopperAsksToForgetThisBrowser() {
        Shop shop = shop();
        Api shopper = shop.shopper("Mia");
        Api other = shop.shopper("Noah");

        assertThat(shopper.exchange("DELETE", "/api/v1/widget/me/token", null).status()).isEqualTo(204);

        assertThat(shopper.get("/api/v1/widget/me").status()).isEqualTo(401);
        assertThat(shopper.get("/api/v1/widget/me/dialogs").status()).isEqualTo(401);
        Socket socket = Socket.connect(shopper);
        socket.send(Map.of("type", "hello", "token", shopper.token()));
        assertThat(socket.awaitType("error").path("code").asString()).isEqualTo("unauthenticated");
        socket.close();
        assertThat(other.get("/api/v1/widget/me").status()).as("only the caller's token is revoked").isEqualTo(200);
    }

    @Test
    void shouldLiveWhileUsedAndExpireAfterTheConfiguredTimeWithoutUse() {
        Api shopper = shop().shopper("Mia");

        Instant keptUntil = Instant.now().plusSeconds(10);
        while (Instant.now().isBefore(keptUntil)) {
            assertThat(shopper.get("/api/v1/widget/me").status()).as("used within its lifetime").isEqualTo(200);
            awaitQuietly(Duration.ofMillis(500));
        }

        Instant lastUse = Instant.now();
        Instant deadline = lastUse.plusSeconds(60);
        while (shopper.get("/api/v1/widget/me").status() == 200 && Instant.now().isBefore(deadline)) {
            // each look renews it: look again only after the lifetime has passed
            awaitQuietly(Duration.ofSeconds(5));
        }
        assertThat(shopper.get("/api/v1/widget/me").status()).isEqualTo(401);
    }

    private static void awaitQuietly(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
