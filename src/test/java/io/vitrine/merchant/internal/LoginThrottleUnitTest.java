package io.vitrine.merchant.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleUnitTest {

    private final MovableClock clock = new MovableClock();
    private final LoginThrottle throttle = new LoginThrottle(new MerchantProperties(
            new MerchantProperties.Login(5, Duration.ofSeconds(30), 20, Duration.ofMinutes(15), Duration.ofHours(1)),
            null, null), clock);

    @Test
    void shouldDoubleTheAccountDelayButNeverBeyondItsCap() {
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(throttle.failed("anna@shop.test", "10.0.0." + attempt)).isZero();
        }
        Duration previous = Duration.ZERO;
        for (int attempt = 6; attempt <= 60; attempt++) {
            Duration wait = throttle.failed("Anna@Shop.test", "10.0.0." + attempt);
            assertThat(wait).isGreaterThanOrEqualTo(previous).isLessThanOrEqualTo(Duration.ofSeconds(30));
            previous = wait;
            clock.advance(wait);
        }
        assertThat(previous).isEqualTo(Duration.ofSeconds(30));
        throttle.failed("anna@shop.test", "10.0.1.1");
        assertThat(throttle.waitFor("anna@shop.test", "192.0.2.1")).contains(Duration.ofSeconds(30));

        throttle.succeeded("anna@shop.test");
        assertThat(throttle.waitFor("anna@shop.test", "192.0.2.1")).isEmpty();
    }

    @Test
    void shouldCapTheAddressDelayHigherAndForgetAfterAQuietHour() {
        Duration wait = Duration.ZERO;
        for (int attempt = 1; attempt <= 60; attempt++) {
            wait = throttle.failed("user" + attempt + "@shop.test", "192.0.2.1");
            clock.advance(wait);
        }
        assertThat(wait).isEqualTo(Duration.ofMinutes(15));
        assertThat(throttle.waitFor("someone@shop.test", "192.0.2.1")).isEmpty();
        throttle.failed("user@shop.test", "192.0.2.1");
        assertThat(throttle.waitFor("someone@shop.test", "192.0.2.1")).contains(Duration.ofMinutes(15));

        clock.advance(Duration.ofHours(2));
        throttle.failed("user@shop.test", "192.0.2.1");
        assertThat(throttle.waitFor("someone@shop.test", "192.0.2.1")).isEmpty();
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T10:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
