package io.vitrine.scheduling.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vitrine.scheduling.internal.SlotPolicy.Busy;
import io.vitrine.scheduling.internal.SlotPolicy.Hours;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlotPolicyUnitTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
    private static final Duration HALF_HOUR = Duration.ofMinutes(30);
    private static final Instant LONG_AGO = Instant.parse("2000-01-01T00:00:00Z");

    @Test
    void shouldTreatTouchingAppointmentsAsFreeAndOverlappingOnesAsACollision() {
        Busy ten = busy("2026-05-04T10:00:00Z", "2026-05-04T10:30:00Z");
        Busy eleven = busy("2026-05-04T11:00:00Z", "2026-05-04T11:30:00Z");

        assertThat(SlotPolicy.collision(at("2026-05-04T10:30:00Z"), at("2026-05-04T11:00:00Z"), List.of(ten, eleven))).isEmpty();
        assertThat(SlotPolicy.collision(at("2026-05-04T09:30:00Z"), at("2026-05-04T10:00:00Z"), List.of(ten))).isEmpty();
        assertThat(SlotPolicy.collision(at("2026-05-04T10:15:00Z"), at("2026-05-04T11:15:00Z"), List.of(eleven, ten)))
                .contains(ten);
        assertThat(SlotPolicy.collision(at("2026-05-04T10:05:00Z"), at("2026-05-04T10:10:00Z"), List.of(ten))).contains(ten);
    }

    @Test
    void shouldRefuseALocalTimeInTheBerlinSpringForwardGap() {
        LocalDate changeDay = LocalDate.of(2026, 3, 29);

        assertThat(SlotPolicy.resolve(changeDay, LocalTime.of(2, 30), BERLIN)).isEmpty();
        assertThat(SlotPolicy.resolve(changeDay, LocalTime.of(1, 30), BERLIN)).contains(at("2026-03-29T00:30:00Z"));
        assertThat(SlotPolicy.resolve(changeDay, LocalTime.of(3, 0), BERLIN)).contains(at("2026-03-29T01:00:00Z"));
    }

    @Test
    void shouldOfferNoSlotInsideTheBerlinSpringForwardGap() {
        List<Hours> night = List.of(new Hours(DayOfWeek.SUNDAY, LocalTime.of(1, 0), LocalTime.of(4, 0)));

        List<Instant> slots = SlotPolicy.freeSlots(LocalDate.of(2026, 3, 29), LocalDate.of(2026, 3, 29), BERLIN, night,
                HALF_HOUR, List.of(), LONG_AGO);

        // 01:00 and 01:30 in winter time, then 03:00 and 03:30 in summer time: two hours, four slots.
        assertThat(slots).containsExactly(at("2026-03-29T00:00:00Z"), at("2026-03-29T00:30:00Z"),
                at("2026-03-29T01:00:00Z"), at("2026-03-29T01:30:00Z"));
    }

    @Test
    void shouldKeepWorkingHoursOnTheWallClockAcrossTheBerlinChanges() {
        List<Hours> mornings = List.of(new Hours(DayOfWeek.SATURDAY, LocalTime.of(9, 0), LocalTime.of(9, 30)),
                new Hours(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(9, 30)));

        assertThat(SlotPolicy.freeSlots(LocalDate.of(2026, 3, 28), LocalDate.of(2026, 3, 30), BERLIN, mornings, HALF_HOUR,
                List.of(), LONG_AGO)).containsExactly(at("2026-03-28T08:00:00Z"), at("2026-03-30T07:00:00Z"));
        assertThat(SlotPolicy.freeSlots(LocalDate.of(2026, 10, 24), LocalDate.of(2026, 10, 26), BERLIN, mornings, HALF_HOUR,
                List.of(), LONG_AGO)).containsExactly(at("2026-10-24T07:00:00Z"), at("2026-10-26T08:00:00Z"));
    }

    @Test
    void shouldTakeTheFirstOccurrenceOfARepeatedBerlinAutumnHourAndTellBothApart() {
        LocalDate changeDay = LocalDate.of(2026, 10, 25);
        assertThat(SlotPolicy.resolve(changeDay, LocalTime.of(2, 30), BERLIN)).contains(at("2026-10-25T00:30:00Z"));

        List<Hours> night = List.of(new Hours(DayOfWeek.SUNDAY, LocalTime.of(1, 0), LocalTime.of(4, 0)));
        // The second 02:30 (winter time) is taken; the first one is still free.
        Busy secondHalfPastTwo = busy("2026-10-25T01:30:00Z", "2026-10-25T02:00:00Z");
        List<Instant> slots = SlotPolicy.freeSlots(changeDay, changeDay, BERLIN, night, HALF_HOUR,
                List.of(secondHalfPastTwo), LONG_AGO);

        assertThat(slots).contains(at("2026-10-25T00:30:00Z")).doesNotContain(at("2026-10-25T01:30:00Z"));
        assertThat(SlotPolicy.collision(at("2026-10-25T00:30:00Z"), at("2026-10-25T01:00:00Z"), List.of(secondHalfPastTwo)))
                .isEmpty();
        // Working hours end at 04:00 winter time (03:00 UTC), four hours of real time after 01:00 summer time.
        assertThat(slots.getLast()).isEqualTo(at("2026-10-25T02:30:00Z"));
    }

    @Test
    void shouldFollowNewYorkAcrossItsSpringChange() {
        assertThat(SlotPolicy.resolve(LocalDate.of(2026, 3, 8), LocalTime.of(2, 15), NEW_YORK)).isEmpty();
        List<Hours> nine = List.of(new Hours(DayOfWeek.SATURDAY, LocalTime.of(9, 0), LocalTime.of(10, 0)),
                new Hours(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(10, 0)));

        List<Instant> slots = SlotPolicy.freeSlots(LocalDate.of(2026, 3, 7), LocalDate.of(2026, 3, 9), NEW_YORK, nine,
                HALF_HOUR, List.of(busy("2026-03-09T13:00:00Z", "2026-03-09T13:30:00Z")), LONG_AGO);

        assertThat(slots).containsExactly(at("2026-03-07T14:00:00Z"), at("2026-03-07T14:30:00Z"), at("2026-03-09T13:30:00Z"));
    }

    @Test
    void shouldOfferKolkataSlotsOnItsHalfHourOffsetAndSkipPastOnes() {
        List<Hours> morning = List.of(new Hours(DayOfWeek.WEDNESDAY, LocalTime.of(10, 0), LocalTime.of(12, 0)));
        Instant now = at("2026-11-04T05:00:00Z"); // 10:30 in Kolkata

        List<Instant> slots = SlotPolicy.freeSlots(LocalDate.of(2026, 11, 4), LocalDate.of(2026, 11, 4), KOLKATA,
                morning, HALF_HOUR, List.of(busy("2026-11-04T05:30:00Z", "2026-11-04T06:00:00Z")), now);

        // 10:30 and 11:30 IST; 11:00 is taken, 10:00 has passed.
        assertThat(slots).containsExactly(at("2026-11-04T05:00:00Z"), at("2026-11-04T06:00:00Z"));
        assertThat(slots.getFirst().atZone(BERLIN).toLocalTime()).isEqualTo(LocalTime.of(6, 0));
    }

    @Test
    void shouldCheckThatAnIntervalLiesWithinWorkingHours() {
        List<Hours> hours = List.of(new Hours(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(12, 0)));

        assertThat(SlotPolicy.withinHours(at("2026-03-30T07:00:00Z"), at("2026-03-30T07:30:00Z"), BERLIN, hours)).isTrue();
        assertThat(SlotPolicy.withinHours(at("2026-03-30T09:45:00Z"), at("2026-03-30T10:15:00Z"), BERLIN, hours)).isFalse();
        assertThat(SlotPolicy.withinHours(at("2026-03-31T07:00:00Z"), at("2026-03-31T07:30:00Z"), BERLIN, hours)).isFalse();
    }

    @Test
    void shouldRejectNonsenseIntervals() {
        assertThatThrownBy(() -> busy("2026-05-04T10:00:00Z", "2026-05-04T10:00:00Z"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Hours(DayOfWeek.MONDAY, LocalTime.NOON, LocalTime.of(9, 0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SlotPolicy.freeSlots(LocalDate.of(2026, 5, 4), LocalDate.of(2026, 5, 4), BERLIN,
                List.of(), Duration.ZERO, List.of(), LONG_AGO)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Instant at(String iso) {
        return Instant.parse(iso);
    }

    private static Busy busy(String start, String end) {
        return new Busy(at(start), at(end));
    }
}
