package io.vitrine.rooms.internal;

import io.vitrine.shared.Db;
import java.sql.ResultSet;
import java.sql.SQLException;
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

    void setDialog(UUID roomId, UUID dialogId) {
        jdbc.sql("update room set dialog_id = ? where id = ?").params(dialogId, roomId).update();
    }

    private static Room map(ResultSet rs, int row) throws SQLException {
        return new Room(rs.getObject("id", UUID.class), rs.getObject("merchant_id", UUID.class),
                rs.getObject("expert_id", UUID.class), rs.getString("title"), Db.instant(rs, "starts_at"),
                rs.getString("zone"), rs.getInt("expiry_hours"), rs.getBoolean("video"), rs.getInt("capacity"),
                rs.getString("token"), rs.getObject("dialog_id", UUID.class), rs.getObject("created_by", UUID.class),
                Db.instant(rs, "created_at"));
    }
}
