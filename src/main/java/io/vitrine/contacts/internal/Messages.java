package io.vitrine.contacts.internal;

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
 * Messages of threads, and the outbox of outbound ones. A due QUEUED row is claimed with a conditional update (no
 * live lease), so of two workers on any nodes only one sends it; the lease lets another take over when its claimer
 * died. The row's Message-ID is its idempotency key: a takeover resends under the same id.
 */
@Repository
class Messages {

    private final JdbcClient jdbc;
    private final Clock clock;

    Messages(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void insert(Message m) {
        jdbc.sql("""
                insert into contact_message (id, merchant_id, contact_id, direction, kind, author_id, body, original,
                    products, state, failure, message_id, in_reply_to, send_at, attempts, created_at, sent_at, template)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)""")
                .params(m.id(), m.merchantId(), m.contactId(), m.direction(), m.kind().name(), m.authorId(), m.body(),
                        m.original(), m.products(), m.state().name(), m.failure(), m.messageId(), m.inReplyTo(),
                        Db.ts(m.sendAt()), Db.ts(m.createdAt()), Db.ts(m.sentAt()), m.template())
                .update();
    }

    Optional<Message> find(UUID id) {
        return jdbc.sql("select * from contact_message where id = ?").param(id).query(Messages::row).optional();
    }

    boolean existsMessageId(String messageId) {
        return jdbc.sql("select count(*) from contact_message where message_id = ?").param(messageId)
                .query(Integer.class).single() > 0;
    }

    List<Message> thread(UUID contactId, int limit) {
        return jdbc.sql("""
                select * from (select * from contact_message where contact_id = ? order by created_at desc, id desc
                    limit ?) recent order by created_at, id""")
                .params(contactId, limit).query(Messages::row).list();
    }

    /** The Message-IDs of the thread, oldest first, for References. */
    List<String> messageIds(UUID contactId, int limit) {
        return jdbc.sql("""
                select message_id from (select message_id, created_at from contact_message
                    where contact_id = ? and state <> 'QUEUED' and state <> 'CANCELLED'
                    order by created_at desc limit ?) recent order by created_at""")
                .params(contactId, limit).query(String.class).list();
    }

    Optional<String> lastInboundId(UUID contactId) {
        return jdbc.sql("""
                select message_id from contact_message where contact_id = ? and direction = 'IN'
                order by created_at desc limit 1""")
                .param(contactId).query(String.class).optional();
    }

    /** When the contact last wrote a message kept in the thread, if ever. */
    Optional<Instant> lastInboundAt(UUID contactId) {
        return jdbc.sql("select max(created_at) from contact_message where contact_id = ? and direction = 'IN'")
                .param(contactId).query(Instant.class).optional();
    }

    Optional<String> lastText(UUID contactId) {
        return jdbc.sql("""
                select body from contact_message where contact_id = ? and kind in ('MESSAGE', 'FOLLOW_UP', 'REPLY')
                    and state <> 'CANCELLED'
                order by created_at desc limit 1""")
                .param(contactId).query(String.class).optional();
    }

    /**
     * Claims up to {@code limit} due rows for the claim {@code claim} in one conditional update (a row another worker
     * took meanwhile or holds under a live lease is skipped) and returns them, oldest first. A claim name is used for
     * one batch only. Rows are found and read back by id, so no statement scans the table for the claim.
     */
    List<Message> claimDue(String claim, Instant until, int limit) {
        Instant now = clock.instant();
        List<UUID> due = jdbc.sql("""
                select id from contact_message
                where state = 'QUEUED' and send_at <= ? and (claimed_until is null or claimed_until < ?)
                order by send_at, created_at limit ?""")
                .params(Db.ts(now), Db.ts(now), limit).query(UUID.class).list();
        if (due.isEmpty()) {
            return List.of();
        }
        jdbc.sql("""
                update contact_message set claimed_by = :claim, claimed_until = :until, attempts = attempts + 1
                where id in (:ids) and state = 'QUEUED' and send_at <= :now
                    and (claimed_until is null or claimed_until < :now)""")
                .param("claim", claim).param("until", Db.ts(until)).param("ids", due).param("now", Db.ts(now))
                .update();
        return jdbc.sql("""
                select * from contact_message where id in (:ids) and claimed_by = :claim
                order by send_at, created_at, id""")
                .param("ids", due).param("claim", claim).query(Messages::row).list();
    }

    /**
     * A provider's delivery report: moves the merchant's outbound messages with that provider id forward only
     * (SENT, DELIVERED, READ; FAILED from SENT or DELIVERED), since reports can arrive out of order. Returns them.
     */
    List<Message> reported(UUID merchantId, String providerId, MessageState state, String failure) {
        List<String> from = switch (state) {
            case DELIVERED -> List.of("SENT");
            case READ -> List.of("SENT", "DELIVERED");
            case FAILED -> List.of("SENT", "DELIVERED");
            default -> List.of();
        };
        List<Message> changed = new java.util.ArrayList<>();
        for (Message m : jdbc.sql("""
                select * from contact_message where merchant_id = ? and provider_id = ? and direction = 'OUT'""")
                .params(merchantId, providerId).query(Messages::row).list()) {
            if (from.contains(m.state().name()) && jdbc.sql("""
                    update contact_message set state = ?, failure = coalesce(?, failure) where id = ? and state = ?""")
                    .params(state.name(), truncated(failure), m.id(), m.state().name()).update() == 1) {
                find(m.id()).ifPresent(changed::add);
            }
        }
        return changed;
    }

    /** Ends a claimed row; {@code providerId}, when given, is kept for the provider's delivery reports. */
    boolean finish(UUID id, String worker, MessageState state, String failure, String providerId, Instant sentAt) {
        return jdbc.sql("""
                update contact_message set state = ?, failure = ?, sent_at = ?, provider_id = coalesce(?, provider_id),
                    claimed_by = null, claimed_until = null
                where id = ? and claimed_by = ?""")
                .params(state.name(), truncated(failure), Db.ts(sentAt), providerId, id, worker)
                .update() == 1;
    }

    void retryAt(UUID id, String worker, Instant next, String failure) {
        jdbc.sql("""
                update contact_message set send_at = ?, failure = ?, claimed_by = null, claimed_until = null
                where id = ? and claimed_by = ?""")
                .params(Db.ts(next), truncated(failure), id, worker).update();
    }

    /** Cancels the contact's queued follow-ups (the contact wrote first); returns their ids. */
    List<UUID> cancelFollowUps(UUID contactId) {
        List<UUID> ids = jdbc.sql("""
                select id from contact_message where contact_id = ? and kind = 'FOLLOW_UP' and state = 'QUEUED'
                    and claimed_by is null""")
                .param(contactId).query(UUID.class).list();
        ids.forEach(id -> jdbc.sql("""
                update contact_message set state = 'CANCELLED', failure = 'the contact replied first'
                where id = ? and state = 'QUEUED' and claimed_by is null""").param(id).update());
        return ids;
    }

    /** Cancels a queued message that has not started sending; false when it already left or is leaving. */
    boolean cancel(UUID id, String reason) {
        return jdbc.sql("""
                update contact_message set state = 'CANCELLED', failure = ?
                where id = ? and state = 'QUEUED' and claimed_by is null""")
                .params(reason, id).update() == 1;
    }

    void attach(UUID messageId, String fileName, String contentType, byte[] content) {
        jdbc.sql("""
                insert into contact_attachment (id, message_id, file_name, content_type, content) values (?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), messageId, fileName, contentType, content).update();
    }

    record Attachment(UUID id, UUID messageId, String fileName, String contentType) {}

    List<Attachment> attachments(UUID messageId) {
        return jdbc.sql("select id, message_id, file_name, content_type from contact_attachment where message_id = ?")
                .param(messageId)
                .query((rs, n) -> new Attachment(rs.getObject("id", UUID.class), rs.getObject("message_id", UUID.class),
                        rs.getString("file_name"), rs.getString("content_type")))
                .list();
    }

    Optional<byte[]> content(UUID attachmentId, UUID contactId) {
        return jdbc.sql("""
                select a.content from contact_attachment a join contact_message m on m.id = a.message_id
                where a.id = ? and m.contact_id = ?""")
                .params(attachmentId, contactId).query((rs, n) -> rs.getBytes(1)).optional();
    }

    private static String truncated(String text) {
        return text == null || text.length() <= 1000 ? text : text.substring(0, 1000);
    }

    static Message row(ResultSet rs, int n) throws SQLException {
        String author = rs.getString("author_id");
        return new Message(rs.getObject("id", UUID.class), rs.getObject("merchant_id", UUID.class),
                rs.getObject("contact_id", UUID.class), rs.getString("direction"),
                MessageKind.valueOf(rs.getString("kind")), author == null ? null : UUID.fromString(author),
                rs.getString("body"), rs.getString("original"), rs.getString("products"),
                MessageState.valueOf(rs.getString("state")), rs.getString("failure"), rs.getString("message_id"),
                rs.getString("in_reply_to"), Db.instant(rs, "send_at"), rs.getInt("attempts"),
                Db.instant(rs, "created_at"), Db.instant(rs, "sent_at"), rs.getBoolean("template"));
    }
}
