package io.vitrine.dialog.internal;

import io.vitrine.dialog.DialogOutcomesApi;
import io.vitrine.shared.Db;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static io.vitrine.shared.Db.ts;

@Repository
class DialogOutcomes implements DialogOutcomesApi {

    private final JdbcClient jdbc;

    DialogOutcomes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<EndedDialog> endedWithExpert(UUID merchantId, Instant from, Instant to) {
        return jdbc.sql("""
                select id, expert_id, ended_at from dialog
                where merchant_id = ? and status = 'ENDED' and expert_id is not null and ended_at >= ? and ended_at < ?
                order by ended_at""")
                .params(merchantId, ts(from), ts(to))
                .query((rs, n) -> new EndedDialog(rs.getObject("id", UUID.class), rs.getObject("expert_id", UUID.class),
                        Db.instant(rs, "ended_at")))
                .list();
    }
}
