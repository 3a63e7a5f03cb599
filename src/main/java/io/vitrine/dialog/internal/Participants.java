package io.vitrine.dialog.internal;

import io.vitrine.dialog.ParticipantRole;
import io.vitrine.shared.Avatar;
import io.vitrine.shared.Db;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static io.vitrine.shared.Db.ts;

@Repository
class Participants {

    record Row(UUID id, UUID dialogId, ParticipantRole role, UUID shopperId, UUID memberId, String screenName,
            String color, Instant joinedAt, Instant leftAt) {

        Avatar avatar() {
            return Avatar.of(id.toString(), role.name(), screenName, color);
        }

        boolean present() {
            return leftAt == null;
        }
    }

    private final JdbcClient jdbc;

    Participants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Row add(UUID dialogId, ParticipantRole role, UUID shopperId, UUID memberId, String screenName, Instant now) {
        var row = new Row(UUID.randomUUID(), dialogId, role, shopperId, memberId, screenName, Avatar.randomColor(), now, null);
        jdbc.sql("""
                insert into participant (id, dialog_id, role, shopper_id, member_id, screen_name, color, joined_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(row.id(), dialogId, role.name(), shopperId, memberId, screenName, row.color(), ts(now))
                .update();
        return row;
    }

    List<Row> ofDialog(UUID dialogId) {
        return jdbc.sql("select * from participant where dialog_id = ? order by joined_at, id")
                .param(dialogId).query(Participants::map).list();
    }

    /** Participants of many dialogs in one read, each dialog's in joining order. */
    Map<UUID, List<Row>> ofDialogs(Collection<UUID> dialogIds) {
        if (dialogIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select * from participant where dialog_id in (:ids) order by joined_at, id")
                .param("ids", dialogIds).query(Participants::map).list().stream()
                .collect(Collectors.groupingBy(Row::dialogId));
    }

    Optional<Row> ofShopper(UUID dialogId, UUID shopperId) {
        return jdbc.sql("select * from participant where dialog_id = ? and shopper_id = ? order by joined_at desc limit 1")
                .params(dialogId, shopperId).query(Participants::map).optional();
    }

    Optional<Row> ofMember(UUID dialogId, UUID memberId) {
        return jdbc.sql("select * from participant where dialog_id = ? and member_id = ? order by joined_at desc limit 1")
                .params(dialogId, memberId).query(Participants::map).optional();
    }

    /** Host and Guests present now. */
    int presentCustomers(UUID dialogId) {
        return jdbc.sql("select count(*) from participant where dialog_id = ? and left_at is null and role in ('HOST', 'GUEST')")
                .param(dialogId).query(Integer.class).single();
    }

    void leave(UUID participantId, Instant now) {
        jdbc.sql("update participant set left_at = ? where id = ? and left_at is null").params(ts(now), participantId).update();
    }

    /** A Guest back in the same seat, so their avatar and id stay the same. */
    void rejoin(UUID participantId, String screenName) {
        jdbc.sql("update participant set left_at = null, screen_name = ? where id = ?").params(screenName, participantId).update();
    }

    void leaveAll(UUID dialogId, Instant now) {
        jdbc.sql("update participant set left_at = ? where dialog_id = ? and left_at is null")
                .params(ts(now), dialogId).update();
    }

    private static Row map(ResultSet rs, int row) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), rs.getObject("dialog_id", UUID.class),
                ParticipantRole.valueOf(rs.getString("role")), rs.getObject("shopper_id", UUID.class),
                rs.getObject("member_id", UUID.class), rs.getString("screen_name"), rs.getString("color"),
                Db.instant(rs, "joined_at"), Db.instant(rs, "left_at"));
    }
}
