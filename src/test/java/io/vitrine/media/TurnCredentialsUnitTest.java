package io.vitrine.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class TurnCredentialsUnitTest {

    @Test
    void followTheSchemeCoturnChecks() throws Exception {
        Instant expiry = Instant.parse("2026-11-23T12:00:00Z");
        var credentials = TurnCredentials.issue("north-wind", "3f2a", expiry);
        assertThat(credentials.username()).isEqualTo(expiry.getEpochSecond() + ":3f2a");
        // Computed independently, as coturn does with static-auth-secret.
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec("north-wind".getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        String expected = Base64.getEncoder().encodeToString(mac.doFinal(credentials.username().getBytes(StandardCharsets.UTF_8)));
        assertThat(credentials.credential()).isEqualTo(expected);
    }

    @Test
    void areValidUntilTheirExpiryAndOnlyWithTheSecret() {
        Instant expiry = Instant.parse("2026-11-23T12:00:00Z");
        var credentials = TurnCredentials.issue("north-wind", "3f2a", expiry);
        assertThat(TurnCredentials.valid("north-wind", credentials.username(), credentials.credential(), expiry.minusSeconds(1))).isTrue();
        assertThat(TurnCredentials.valid("north-wind", credentials.username(), credentials.credential(), expiry)).isFalse();
        assertThat(TurnCredentials.valid("south-wind", credentials.username(), credentials.credential(), expiry.minusSeconds(1))).isFalse();
        String stretched = (expiry.getEpochSecond() + 3600) + ":3f2a";
        assertThat(TurnCredentials.valid("north-wind", stretched, credentials.credential(), expiry.minusSeconds(1)))
                .as("a later expiry needs a new signature").isFalse();
        assertThat(TurnCredentials.valid("north-wind", "garbage", credentials.credential(), expiry.minusSeconds(1))).isFalse();
    }
}
