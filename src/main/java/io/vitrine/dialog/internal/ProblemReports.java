package io.vitrine.dialog.internal;

import io.vitrine.shared.Db;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static io.vitrine.shared.Db.ts;

@Repository
class ProblemReports {

    record Row(UUID id, UUID dialogId, UUID participantId, Instant reportedAt, String text, String context) {}

    private final JdbcClient jdbc;

    ProblemReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID merchantId, Row r) {
        jdbc.sql("""
                insert into problem_report (id, merchant_id, dialog_id, participant_id, reported_at, body, context)
                values (?, ?, ?, ?, ?, ?, ?)
                """).params(r.id(), merchantId, r.dialogId(), r.participantId(), ts(r.reportedAt()), r.text(), r.context())
                .update();
    }

    List<Row> ofMerchant(UUID merchantId, int limit) {
        return jdbc.sql("select * from problem_report where merchant_id = ? order by reported_at desc, id limit ?")
                .params(merchantId, limit)
                .query((rs, row) -> new Row(rs.getObject("id", UUID.class), rs.getObject("dialog_id", UUID.class),
                        rs.getObject("participant_id", UUID.class), Db.instant(rs, "reported_at"), rs.getString("body"),
                        rs.getString("context")))
                .list();
    }
}
