package io.vitrine.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CustomerServiceWindowUnitTest {

    private static final Instant WROTE = Instant.parse("2026-11-30T10:00:00Z");

    @Test
    void shouldBeOpenFor24HoursAfterTheShoppersLastMessage() {
        var window = new CustomerServiceWindow(WROTE);

        assertThat(window.isOpen(WROTE)).isTrue();
        assertThat(window.isOpen(WROTE.plus(Duration.ofHours(23).plusMinutes(59)))).isTrue();
        assertThat(window.remaining(WROTE.plus(Duration.ofHours(20)))).isEqualTo(Duration.ofHours(4));
        assertThat(window.closesAt()).contains(Instant.parse("2026-12-01T10:00:00Z"));
    }

    @Test
    void shouldAllowOnlyTemplatesFromThe24thHourOn() {
        var window = new CustomerServiceWindow(WROTE);

        assertThat(window.templatesOnly(WROTE.plus(Duration.ofHours(24)))).isTrue();
        assertThat(window.templatesOnly(WROTE.plus(Duration.ofDays(3)))).isTrue();
        assertThat(window.remaining(WROTE.plus(Duration.ofDays(3)))).isZero();
    }

    @Test
    void shouldAllowOnlyTemplatesToAShopperWhoNeverWrote() {
        var window = new CustomerServiceWindow(null);

        assertThat(window.templatesOnly(WROTE)).isTrue();
        assertThat(window.closesAt()).isEmpty();
        assertThat(window.remaining(WROTE)).isZero();
    }
}
