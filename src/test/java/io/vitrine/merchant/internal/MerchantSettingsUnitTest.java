package io.vitrine.merchant.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vitrine.merchant.PresenceProperties;
import io.vitrine.support.Settings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The merchant module's settings keep the keys they always had, with their defaults, and refuse wrong values. */
class MerchantSettingsUnitTest {

    @Test
    void shouldReadTheLongStandingKeys() {
        var merchant = Settings.bind("vitrine", MerchantProperties.class, Map.of(
                "vitrine.login.account-free-failures", "3", "vitrine.bootstrap.admin-email", "a@shop.test",
                "vitrine.operator.password", "secret"));
        assertThat(merchant.login().accountFreeFailures()).isEqualTo(3);
        assertThat(merchant.login().forgetAfter()).isEqualTo(Duration.ofMinutes(15));
        assertThat(merchant.bootstrap().requested()).isTrue();
        assertThat(merchant.operator().username()).isEqualTo("operator");
        assertThat(merchant.operator().configured()).isTrue();

        var presence = Settings.bind("vitrine.presence", PresenceProperties.class, Map.of("vitrine.presence.grace", "90s"));
        assertThat(presence.grace()).isEqualTo(Duration.ofSeconds(90));
        assertThat(presence.sweepInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(presence.heartbeatInterval()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void shouldRefuseAWrongValueNamingItsKey() {
        assertThatThrownBy(() -> Settings.bind("vitrine", MerchantProperties.class,
                Map.of("vitrine.login.address-free-failures", "0")))
                .hasStackTraceContaining("vitrine.login.address-free-failures");
    }

    /** The sweep's interval is how long its cluster lock is kept: past the lock's 60 s limit the sweep would never run. */
    @Test
    void shouldRefuseAPresenceSweepIntervalLongerThanItsLock() {
        assertThatThrownBy(() -> Settings.bind("vitrine.presence", PresenceProperties.class,
                Map.of("vitrine.presence.sweep-interval", "2m")))
                .hasStackTraceContaining("sweepInterval");
        assertThat(Settings.bind("vitrine.presence", PresenceProperties.class, Map.of("vitrine.presence.sweep-interval", "60s"))
                .sweepInterval()).isEqualTo(Duration.ofSeconds(60));
    }
}
