package io.vitrine.notifications.internal;

import io.vitrine.notifications.Channel;
import io.vitrine.notifications.Recipient;
import io.vitrine.shared.Db;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The durable outbox. A row is claimed with a conditional update (PENDING and no live lease), so of two workers on
 * any nodes only one gets it; the lease lets another worker take it over when its claimer died mid-send.
 */
@Repository
public class Outbox {

    public enum Status { PENDING, SENT, FAILED, SKIPPED }

    public record Row(UUID id, UUID merchantId, UUID noticeId, Recipient recipient, Channel channel, String payload,
            Status status, int attempts, Instant nextAttemptAt, String lastError, Instant createdAt, Instant sentAt) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    Outbox(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void enqueue(Recipient to, UUID noticeId, Channel channel, String payload) {
        Instant now = clock.instant();
        jdbc.sql("""
                insert into notification_outbox (id, merchant_id, notice_id, recipient_kind, recipient_id, channel,
                    payload, status, attempts, next_attempt_at, created_at)
                values (?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)""")
                .params(UUID.randomUUID(), to.merchantId(), noticeId, to.kind().name(), to.id(), channel.name(),
                        payload, Db.ts(now), Db.ts(now))
                .update();
    }

    /** Claims up to {@code limit} due rows for {@code worker} until {@code until}; returns those it got. */
    List<Row> claimDue(String worker, Instant until, int limit) {
        Instant now = clock.instant();
        List<UUID> candidates = jdbc.sql("""
                select id from notification_outbox
                where status = 'PENDING' and next_attempt_at <= ? and (claimed_until is null or claimed_until < ?)
                order by next_attempt_at limit ?""")
                .params(Db.ts(now), Db.ts(now), limit)
                .query(UUID.class).list();
        return candidates.stream().filter(id -> claim(id, worker, now, until)).map(this::find).flatMap(Optional::stream)
                .toList();
    }

    private boolean claim(UUID id, String worker, Instant now, Instant until) {
        return jdbc.sql("""
                update notification_outbox set claimed_by = ?, claimed_until = ?, attempts = attempts + 1
                where id = ? and status = 'PENDING' and (claimed_until is null or claimed_until < ?)""")
                .params(worker, Db.ts(until), id, Db.ts(now))
                .update() == 1;
    }

    void finish(UUID id, String worker, Status status, String note) {
        jdbc.sql("""
                update notification_outbox set status = ?, last_error = ?, sent_at = ?, claimed_by = null,
                    claimed_until = null
                where id = ? and claimed_by = ?""")
                .params(status.name(), truncated(note), status == Status.SENT ? Db.ts(clock.instant()) : null, id, worker)
                .update();
    }

    void retryAt(UUID id, String worker, Instant next, String error) {
        jdbc.sql("""
                update notification_outbox set next_attempt_at = ?, last_error = ?, claimed_by = null,
                    claimed_until = null
                where id = ? and claimed_by = ?""")
                .params(Db.ts(next), truncated(error), id, worker)
                .update();
    }

    Optional<Row> find(UUID id) {
        return jdbc.sql("select * from notification_outbox where id = ?").param(id).query(Outbox::row).optional();
    }

    public List<Row> list(UUID merchantId, Status status, int limit) {
        return jdbc.sql("""
                select * from notification_outbox where merchant_id = ?"""
                + (status == null ? "" : " and status = '" + status.name() + "'")
                + " order by created_at desc limit ?")
                .params(merchantId, limit)
                .query(Outbox::row).list();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), rs.getObject("merchant_id", UUID.class),
                rs.getObject("notice_id", UUID.class),
                new Recipient(rs.getObject("merchant_id", UUID.class),
                        Recipient.Kind.valueOf(rs.getString("recipient_kind")), rs.getObject("recipient_id", UUID.class)),
                Channel.valueOf(rs.getString("channel")), rs.getString("payload"), Status.valueOf(rs.getString("status")),
                rs.getInt("attempts"), Db.instant(rs, "next_attempt_at"), rs.getString("last_error"),
                Db.instant(rs, "created_at"), Db.instant(rs, "sent_at"));
    }

    private static String truncated(String text) {
        return text == null || text.length() <= 1000 ? text : text.substring(0, 1000);
    }
}
