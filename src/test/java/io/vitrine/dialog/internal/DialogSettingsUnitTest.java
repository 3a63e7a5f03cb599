package io.vitrine.dialog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vitrine.support.Settings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The dialog module's settings keep {@code vitrine.routing.*} and {@code vitrine.coop.*}, with their defaults. */
class DialogSettingsUnitTest {

    @Test
    void shouldReadTheLongStandingKeys() {
        var settings = Settings.bind("vitrine", DialogProperties.class, Map.of("vitrine.routing.offer-timeout", "45s"));
        assertThat(settings.routing().offerTimeout()).isEqualTo(Duration.ofSeconds(45));
        assertThat(settings.routing().tickInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.coop().inviteTtl()).isEqualTo(Duration.ofHours(8));
    }

    @Test
    void shouldRefuseAValueThatIsNoDuration() {
        assertThatThrownBy(() -> Settings.bind("vitrine", DialogProperties.class,
                Map.of("vitrine.coop.invite-ttl", "soon")))
                .hasStackTraceContaining("vitrine.coop.invite-ttl");
    }

    /** The tick's interval is how long its cluster lock is kept: past the lock's 10 s limit routing would stop. */
    @Test
    void shouldRefuseARoutingTickLongerThanItsLock() {
        assertThatThrownBy(() -> Settings.bind("vitrine", DialogProperties.class,
                Map.of("vitrine.routing.tick-interval", "30s")))
                .hasStackTraceContaining("tickInterval");
    }
}
