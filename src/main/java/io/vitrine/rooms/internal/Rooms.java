package io.vitrine.rooms.internal;

import io.vitrine.shared.Db;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static io.vitrine.shared.Db.ts;

/** The room table. Every staff read is filtered by merchant; a visitor finds a room by its link's token only. */
@Repository
class Rooms {

    private final JdbcClient jdbc;

    Rooms(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Room r) {
        jdbc.sql("""
                insert into room (id, merchant_id, expert_id, title, starts_at, zone, expiry_hours, video, capacity, token,
                    created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(r.id(), r.merchantId(), r.expertId(), r.title(), ts(r.start()), r.zone(), r.expiryHours(),
                        r.video(), r.capacity(), r.token(), r.createdBy(), ts(r.createdAt()))
                .update();
    }

    Optional<Room> find(UUID merchantId, UUID id) {
        return jdbc.sql("select * from room where id = ? and merchant_id = ?").params(id, merchantId)
                .query(Rooms::map).optional();
    }

    Optional<Room> byId(UUID id) {
        return jdbc.sql("select * from room where id = ?").param(id).query(Rooms::map).optional();
    }

    Optional<Room> byToken(String token) {
        return jdbc.sql("select * from room where token = ?").param(token).query(Rooms::map).optional();
    }

    /** Locks the room row until the transaction ends, so its dialog is made once. */
    Optional<Room> lockByToken(String token) {
        return jdbc.sql("select * from room where token = ? for update").param(token).query(Rooms::map).optional();
    }

    List<Room> ofExpert(UUID merchantId, UUID expertId) {
        return jdbc.sql("select * from room where merchant_id = ? and expert_id = ? order by starts_at desc, id")
                .params(merchantId, expertId).query(Rooms::map).list();
    }

    List<Room> ofMerchant(UUID merchantId) {
        return jdbc.sql("select * from room where merchant_id = ? order by starts_at desc, id")
                .param(merchantId).query(Rooms::map).list();
    }

    /** Locks a room of the merchant until the transaction ends, for moving or cancelling it. */
    Optional<Room> lock(UUID merchantId, UUID id) {
        return jdbc.sql("select * from room where id = ? and merchant_id = ? for update").params(id, merchantId)
                .query(Rooms::map).optional();
    }

    /** The new start and expiry, the invitation's sequence raised, and the reminder due again. */
    void move(UUID id, Instant start, String zone, int expiryHours) {
        jdbc.sql("""
                update room set starts_at = ?, zone = ?, expiry_hours = ?, sequence = sequence + 1, reminded_at = null
                where id = ?
                """).params(ts(start), zone, expiryHours, id).update();
    }

    void cancel(UUID id, Instant now) {
        jdbc.sql("update room set cancelled_at = ?, sequence = sequence + 1 where id = ?").params(ts(now), id).update();
    }

    /** Rooms whose reminder is due at {@code now} (they open within {@code ahead}), not claimed yet. */
    List<UUID> remindersDue(Instant now, java.time.Duration ahead, int limit) {
        return jdbc.sql("""
                select id from room where reminded_at is null and starts_at <= ? order by starts_at limit ?
                """).params(ts(now.plus(ahead)), limit).query(UUID.class).list();
    }

    /** True for exactly one caller per room and start: the reminder is theirs to send. */
    boolean claimReminder(UUID id, Instant now) {
        return jdbc.sql("update room set reminded_at = ? where id = ? and reminded_at is null").params(ts(now), id)
                .update() == 1;
    }

    void setDialog(UUID roomId, UUID dialogId) {
        jdbc.sql("update room set dialog_id = ? where id = ?").params(dialogId, roomId).update();
    }

    private static Room map(ResultSet rs, int row) throws SQLException {
        return new Room(rs.getObject("id", UUID.class), rs.getObject("merchant_id", UUID.class),
                rs.getObject("expert_id", UUID.class), rs.getString("title"), Db.instant(rs, "starts_at"),
                rs.getString("zone"), rs.getInt("expiry_hours"), rs.getBoolean("video"), rs.getInt("capacity"),
                rs.getString("token"), rs.getObject("dialog_id", UUID.class), rs.getObject("created_by", UUID.class),
                Db.instant(rs, "created_at"), rs.getInt("sequence"), Db.instant(rs, "cancelled_at"));
    }
}
