package io.vitrine.scheduling.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static io.vitrine.shared.Db.ts;

/**
 * The timed notices of confirmed appointments. Each row is claimed with one conditional update in the transaction
 * that queues its notice: whichever node, before or after a restart, gets there first sends it; nobody sends it again.
 */
@Repository
class AppointmentReminders {

    /** What is sent when; {@code before} is measured back from the start. */
    enum Kind {
        DAY_BEFORE(Duration.ofHours(24)), SOON(Duration.ofMinutes(10)), ROOM_OPEN(Duration.ZERO);

        final Duration before;

        Kind(Duration before) {
            this.before = before;
        }
    }

    record Due(UUID appointmentId, Kind kind) {}

    private final JdbcClient jdbc;

    AppointmentReminders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Plans the reminders of an appointment afresh: earlier unsent ones go; a reminder whose time has already
     * passed (a booking for in two hours has no "tomorrow" reminder) is not planned, except the room opening.
     */
    void plan(Appointment a, Instant now) {
        cancel(a.id());
        for (Kind kind : Kind.values()) {
            Instant due = a.startsAt().minus(kind.before);
            if (due.isAfter(now) || kind == Kind.ROOM_OPEN) {
                jdbc.sql("""
                        insert into appointment_reminder (appointment_id, kind, due_at) values (?, ?, ?)
                        """).params(a.id(), kind.name(), ts(due)).update();
            }
        }
    }

    /** Drops the reminders not sent yet; those already sent stay as a record. */
    void cancel(UUID appointmentId) {
        jdbc.sql("delete from appointment_reminder where appointment_id = ? and sent_at is null").param(appointmentId).update();
    }

    List<Due> due(Instant now, int limit) {
        return jdbc.sql("""
                select appointment_id, kind from appointment_reminder where sent_at is null and due_at <= ?
                order by due_at limit ?
                """).params(ts(now), limit)
                .query((rs, row) -> new Due(rs.getObject("appointment_id", UUID.class), Kind.valueOf(rs.getString("kind"))))
                .list();
    }

    /** Whether the room of the appointment was opened (its ROOM_OPEN notice claimed). */
    boolean roomOpened(UUID appointmentId) {
        return jdbc.sql("""
                select count(*) from appointment_reminder where appointment_id = ? and kind = 'ROOM_OPEN' and sent_at is not null
                """).param(appointmentId).query(Integer.class).single() > 0;
    }

    /** True for exactly one caller per reminder. */
    boolean claim(Due due, Instant now) {
        return jdbc.sql("""
                update appointment_reminder set sent_at = ? where appointment_id = ? and kind = ? and sent_at is null
                """).params(ts(now), due.appointmentId(), due.kind().name()).update() == 1;
    }
}
