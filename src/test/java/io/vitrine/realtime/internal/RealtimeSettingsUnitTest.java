package io.vitrine.realtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vitrine.support.Settings;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code vitrine.realtime.*} keeps its keys and defaults beside {@code vitrine.realtime.limits.*}. */
class RealtimeSettingsUnitTest {

    @Test
    void shouldReadTheLongStandingKeys() {
        var settings = Settings.bind("vitrine.realtime", RealtimeProperties.class, Map.of(
                "vitrine.realtime.allowed-origins", "https://shop.example.com", "vitrine.realtime.burst", "30",
                "vitrine.realtime.limits.hello-timeout", "7s"));
        assertThat(settings.allowedOrigins()).containsExactly("https://shop.example.com");
        assertThat(settings.burst()).isEqualTo(30);
        assertThat(settings.framesPerSecond()).isEqualTo(10);
        assertThat(settings.signalsPerSecond()).isEqualTo(50);
        assertThat(settings.signalBurst()).isEqualTo(200);
    }

    @Test
    void shouldRefuseABudgetOfNothing() {
        assertThatThrownBy(() -> Settings.bind("vitrine.realtime", RealtimeProperties.class,
                Map.of("vitrine.realtime.frames-per-second", "0")))
                .hasStackTraceContaining("vitrine.realtime.frames-per-second");
    }
}
