package io.vitrine.notifications.internal;

import io.vitrine.notifications.Recipient;
import io.vitrine.shared.Db;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** In-app notices, always read and changed by their own recipient only. */
@Repository
public class Notices {

    public record NoticeView(UUID id, String kind, String title, String body, String link, Instant createdAt,
            Instant readAt) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    Notices(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    UUID insert(Recipient to, String kind, String title, String body, String link) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into notice (id, merchant_id, recipient_kind, recipient_id, kind, title, body, link, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, to.merchantId(), to.kind().name(), to.id(), kind, title, body, link, Db.ts(clock.instant()))
                .update();
        return id;
    }

    public List<NoticeView> list(Recipient owner, boolean unreadOnly, int limit) {
        return jdbc.sql("""
                select id, kind, title, body, link, created_at, read_at from notice
                where merchant_id = ? and recipient_kind = ? and recipient_id = ?"""
                + (unreadOnly ? " and read_at is null" : "") + " order by created_at desc limit ?")
                .params(owner.merchantId(), owner.kind().name(), owner.id(), limit)
                .query((rs, n) -> new NoticeView(rs.getObject("id", UUID.class), rs.getString("kind"),
                        rs.getString("title"), rs.getString("body"), rs.getString("link"),
                        Db.instant(rs, "created_at"), Db.instant(rs, "read_at")))
                .list();
    }

    /** Marks the notice read; false when the owner has no such notice. */
    public boolean markRead(Recipient owner, UUID noticeId) {
        return jdbc.sql("""
                update notice set read_at = coalesce(read_at, ?)
                where id = ? and merchant_id = ? and recipient_kind = ? and recipient_id = ?""")
                .params(Db.ts(clock.instant()), noticeId, owner.merchantId(), owner.kind().name(), owner.id())
                .update() == 1;
    }
}
