package io.vitrine.scheduling.internal;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Experts' time zones and working hours, and the row lock that puts bookings of one expert in a line. */
@Repository
class ExpertCalendars {

    private final JdbcClient jdbc;

    ExpertCalendars(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ZoneId> zone(UUID memberId) {
        return jdbc.sql("select zone from expert_calendar where member_id = ?").param(memberId)
                .query(String.class).optional().map(ZoneId::of);
    }

    /**
     * Locks the expert's calendar until the transaction ends, creating it with {@code zone} if it does not exist.
     * Two transactions booking the same expert wait here for each other, so the second sees the first's appointment.
     */
    ZoneId lock(UUID merchantId, UUID memberId, ZoneId zone) {
        // A concurrent first insert loses on the primary key and is ignored; both then lock the same row.
        jdbc.sql("insert into expert_calendar (member_id, merchant_id, zone) values (?, ?, ?) on conflict do nothing")
                .params(memberId, merchantId, zone.getId()).update();
        return ZoneId.of(jdbc.sql("select zone from expert_calendar where member_id = ? for update").param(memberId)
                .query(String.class).single());
    }

    void setZone(UUID merchantId, UUID memberId, ZoneId zone) {
        lock(merchantId, memberId, zone);
        jdbc.sql("update expert_calendar set zone = ? where member_id = ?").params(zone.getId(), memberId).update();
    }

    List<SlotPolicy.Hours> hours(UUID memberId) {
        return jdbc.sql("select * from working_hours where member_id = ? order by day_of_week, start_minute")
                .param(memberId)
                .query((rs, row) -> new SlotPolicy.Hours(DayOfWeek.of(rs.getInt("day_of_week")),
                        LocalTime.ofSecondOfDay(rs.getInt("start_minute") * 60L),
                        minutes(rs.getInt("end_minute"))))
                .list();
    }

    void replaceHours(UUID memberId, List<SlotPolicy.Hours> hours) {
        jdbc.sql("delete from working_hours where member_id = ?").param(memberId).update();
        for (SlotPolicy.Hours h : hours) {
            jdbc.sql("insert into working_hours (member_id, day_of_week, start_minute, end_minute) values (?, ?, ?, ?)")
                    .params(memberId, h.day().getValue(), h.from().toSecondOfDay() / 60, minuteOf(h.to())).update();
        }
    }

    /** 24:00 is stored as 1440 and read back as the last minute of the day. */
    private static LocalTime minutes(int minute) {
        return minute >= 1440 ? LocalTime.MAX : LocalTime.ofSecondOfDay(minute * 60L);
    }

    private static int minuteOf(LocalTime time) {
        return time.equals(LocalTime.MAX) ? 1440 : time.toSecondOfDay() / 60;
    }
}
