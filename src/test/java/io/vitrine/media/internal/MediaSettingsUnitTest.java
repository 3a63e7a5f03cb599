package io.vitrine.media.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vitrine.media.IceServer;
import io.vitrine.support.Settings;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code vitrine.media.*} keeps its keys and refuses TURN servers without a secret. */
class MediaSettingsUnitTest {

    @Test
    void shouldHandOutTheConfiguredServers() {
        var settings = Settings.bind("vitrine.media", MediaProperties.class, Map.of(
                "vitrine.media.stun-urls", "stun:turn.example.com:3478",
                "vitrine.media.turn-urls", "turn:turn.example.com:3478", "vitrine.media.turn-secret", "s3cret"));
        assertThat(settings.turnTtl()).isEqualTo(Duration.ofHours(12));
        List<IceServer> servers = new IceServers(settings, Clock.systemUTC()).iceServers("p1");
        assertThat(servers).extracting(IceServer::urls)
                .containsExactly(List.of("stun:turn.example.com:3478"), List.of("turn:turn.example.com:3478"));
    }

    @Test
    void shouldRefuseTurnServersWithoutASecret() {
        assertThatThrownBy(() -> Settings.bind("vitrine.media", MediaProperties.class,
                Map.of("vitrine.media.turn-urls", "turn:turn.example.com:3478")))
                .hasStackTraceContaining("vitrine.media.turn-secret must be set");
    }
}
