package io.vitrine.scheduling.internal;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Decides which times an expert can be booked for: collisions with their appointments, and free slots within their
 * working hours. Pure: no I/O and no clock; the caller passes "now" and applies the decision under the expert's
 * calendar lock. Working hours are wall-clock times in the expert's zone, so a slot at 09:00 stays at 09:00 across
 * a DST change; a local time that does not exist that day (the spring-forward gap) is never offered.
 */
public final class SlotPolicy {

    /** A time someone is taken, from {@code start} (inclusive) to {@code end} (exclusive). */
    public record Busy(Instant start, Instant end) {

        public Busy {
            if (!end.isAfter(start)) {
                throw new IllegalArgumentException("A busy time must end after it starts");
            }
        }

        boolean overlaps(Instant otherStart, Instant otherEnd) {
            return start.isBefore(otherEnd) && otherStart.isBefore(end);
        }
    }

    /** One stretch of working time on a weekday, in the expert's zone; {@code to} after {@code from}. */
    public record Hours(DayOfWeek day, LocalTime from, LocalTime to) {

        public Hours {
            if (!to.isAfter(from)) {
                throw new IllegalArgumentException("Working hours must end after they start");
            }
        }
    }

    private SlotPolicy() {}

    /** The first appointment the interval would overlap, if any; touching ends (10:00–10:30, 10:30–11:00) do not. */
    public static Optional<Busy> collision(Instant start, Instant end, Collection<Busy> taken) {
        return taken.stream().filter(b -> b.overlaps(start, end)).min(Comparator.comparing(Busy::start));
    }

    /**
     * A local date and time in a zone, as an instant. A time in a DST gap does not exist and is refused; a time that
     * occurs twice (autumn) means its first occurrence, as calendars do.
     */
    public static Optional<Instant> resolve(LocalDate date, LocalTime time, ZoneId zone) {
        LocalDateTime local = LocalDateTime.of(date, time);
        if (zone.getRules().getValidOffsets(local).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(ZonedDateTime.ofLocal(local, zone, null).withEarlierOffsetAtOverlap().toInstant());
    }

    /** Whether the whole interval lies within one stretch of working hours of its local day. */
    public static boolean withinHours(Instant start, Instant end, ZoneId zone, Collection<Hours> hours) {
        LocalDate day = start.atZone(zone).toLocalDate();
        return hours.stream().filter(h -> h.day() == day.getDayOfWeek()).anyMatch(h -> {
            return !start.isBefore(bound(day, h.from(), zone)) && !end.isAfter(bound(day, h.to(), zone));
        });
    }

    /**
     * Free slots of {@code length} from {@code firstDay} to {@code lastDay} (inclusive, in the expert's zone), each
     * starting on a step of {@code length} from the start of its working hours, none before {@code notBefore}, none
     * overlapping a busy time, in time order.
     */
    public static List<Instant> freeSlots(LocalDate firstDay, LocalDate lastDay, ZoneId zone, Collection<Hours> hours,
            Duration length, Collection<Busy> taken, Instant notBefore) {
        if (length.isNegative() || length.isZero()) {
            throw new IllegalArgumentException("A slot must last some time");
        }
        List<Instant> free = new ArrayList<>();
        for (LocalDate day = firstDay; !day.isAfter(lastDay); day = day.plusDays(1)) {
            DayOfWeek weekday = day.getDayOfWeek();
            for (Hours h : hours.stream().filter(h -> h.day() == weekday).sorted(Comparator.comparing(Hours::from)).toList()) {
                addSlots(free, day, h, zone, length, taken, notBefore);
            }
        }
        free.sort(Comparator.naturalOrder());
        return List.copyOf(free);
    }

    private static void addSlots(List<Instant> free, LocalDate day, Hours h, ZoneId zone, Duration length,
            Collection<Busy> taken, Instant notBefore) {
        Instant close = bound(day, h.to(), zone);
        for (LocalDateTime local = day.atTime(h.from()); local.toLocalDate().equals(day)
                && local.toLocalTime().isBefore(h.to()); local = local.plus(length)) {
            Optional<Instant> start = resolve(day, local.toLocalTime(), zone);
            if (start.isEmpty()) {
                continue;
            }
            Instant end = start.get().plus(length);
            if (!end.isAfter(close) && !start.get().isBefore(notBefore)
                    && collision(start.get(), end, taken).isEmpty()) {
                free.add(start.get());
            }
        }
    }

    /** The end or start of working hours: a boundary inside a DST gap moves to the end of the gap. */
    private static Instant bound(LocalDate day, LocalTime time, ZoneId zone) {
        return LocalDateTime.of(day, time).atZone(zone).toInstant();
    }
}
