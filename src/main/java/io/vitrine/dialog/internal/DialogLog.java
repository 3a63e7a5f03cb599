package io.vitrine.dialog.internal;

import io.vitrine.shared.Db;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static io.vitrine.shared.Db.ts;

/** What happened to a dialog, for the merchant to inspect: routing, who joined and left, mode changes, the end. */
@Repository
public class DialogLog {

    public enum Kind { CREATED, MESSAGE_LEFT, OFFERED, MISSED, WITHDRAWN, ACCEPTED, INVITED, JOINED, LEFT, MODE, ENDED, RATED }

    public record Entry(Instant at, Kind kind, UUID memberId, String detail) {}

    private final JdbcClient jdbc;

    DialogLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(UUID dialogId, Kind kind, UUID memberId, String detail, Instant at) {
        jdbc.sql("insert into dialog_log (dialog_id, at, kind, member_id, detail) values (?, ?, ?, ?, ?)")
                .params(dialogId, ts(at), kind.name(), memberId, detail).update();
    }

    List<Entry> of(UUID dialogId) {
        return jdbc.sql("select * from dialog_log where dialog_id = ? order by at, id").param(dialogId)
                .query((rs, row) -> new Entry(Db.instant(rs, "at"), Kind.valueOf(rs.getString("kind")),
                        rs.getObject("member_id", UUID.class), rs.getString("detail")))
                .list();
    }
}
