package io.vitrine.scheduling.internal;

import io.vitrine.scheduling.AppointmentStatus;
import io.vitrine.shared.Db;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static io.vitrine.shared.Db.ts;

@Repository
class Appointments {

    private final JdbcClient jdbc;

    Appointments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Appointment a) {
        jdbc.sql("""
                insert into appointment (id, merchant_id, expert_id, dialog_id, host_shopper_id, status, starts_at, ends_at,
                    expert_zone, customer_zone, sequence, proposed_by, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(a.id(), a.merchantId(), a.expertId(), a.dialogId(), a.hostShopperId(), a.status().name(),
                        ts(a.startsAt()), ts(a.endsAt()), a.expertZone().getId(), a.customerZone().getId(), a.sequence(),
                        a.proposedBy(), ts(a.createdAt()), ts(a.updatedAt()))
                .update();
    }

    void update(Appointment a) {
        jdbc.sql("""
                update appointment set status = ?, starts_at = ?, ends_at = ?, sequence = ?, updated_at = ? where id = ?
                """)
                .params(a.status().name(), ts(a.startsAt()), ts(a.endsAt()), a.sequence(), ts(a.updatedAt()), a.id())
                .update();
    }

    /** The booking's room was opened: from now on it belongs to that dialog. */
    void attachDialog(Appointment a) {
        jdbc.sql("update appointment set dialog_id = ? where id = ? and dialog_id is null").params(a.dialogId(), a.id()).update();
    }

    /** Locks the appointment's row until the transaction ends: its Guests are added one at a time. */
    Optional<Appointment> lock(UUID id) {
        return jdbc.sql("select * from appointment where id = ? for update").param(id).query(Appointments::map).optional();
    }

    Optional<Appointment> find(UUID id) {
        return jdbc.sql("select * from appointment where id = ?").param(id).query(Appointments::map).optional();
    }

    /** The expert's appointments that are not cancelled and overlap the interval. */
    List<Appointment> takenBetween(UUID expertId, Instant from, Instant to) {
        return jdbc.sql("""
                select * from appointment
                where expert_id = ? and status <> 'CANCELLED' and starts_at < ? and ends_at > ?
                order by starts_at
                """).params(expertId, ts(to), ts(from)).query(Appointments::map).list();
    }

    List<Appointment> ofDialog(UUID dialogId) {
        return jdbc.sql("select * from appointment where dialog_id = ? order by starts_at, id")
                .param(dialogId).query(Appointments::map).list();
    }

    /** Appointments the shopper is the Host of (a Guest sees theirs in the dialog). */
    List<Appointment> ofHost(UUID merchantId, UUID shopperId, Instant endedAfter) {
        return jdbc.sql("""
                select * from appointment where merchant_id = ? and host_shopper_id = ? and ends_at > ?
                order by starts_at, id
                """).params(merchantId, shopperId, ts(endedAfter))
                .query(Appointments::map).list();
    }

    List<Appointment> ofExpert(UUID merchantId, UUID expertId, Instant endedAfter) {
        return jdbc.sql("""
                select * from appointment where merchant_id = ? and expert_id = ? and ends_at > ? order by starts_at, id
                """).params(merchantId, expertId, ts(endedAfter)).query(Appointments::map).list();
    }

    List<Appointment> ofMerchant(UUID merchantId, Instant endedAfter, int limit) {
        return jdbc.sql("select * from appointment where merchant_id = ? and ends_at > ? order by starts_at, id limit ?")
                .params(merchantId, ts(endedAfter), limit).query(Appointments::map).list();
    }

    private static Appointment map(ResultSet rs, int row) throws SQLException {
        return new Appointment(rs.getObject("id", UUID.class), rs.getObject("merchant_id", UUID.class),
                rs.getObject("expert_id", UUID.class), rs.getObject("dialog_id", UUID.class),
                rs.getObject("host_shopper_id", UUID.class), AppointmentStatus.valueOf(rs.getString("status")),
                Db.instant(rs, "starts_at"), Db.instant(rs, "ends_at"), ZoneId.of(rs.getString("expert_zone")),
                ZoneId.of(rs.getString("customer_zone")), rs.getInt("sequence"), rs.getString("proposed_by"),
                Db.instant(rs, "created_at"), Db.instant(rs, "updated_at"));
    }
}
