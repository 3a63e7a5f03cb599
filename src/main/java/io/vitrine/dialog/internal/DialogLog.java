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

    public enum Kind {
        CREATED, MESSAGE_LEFT, OFFERED, MISSED, WITHDRAWN, ACCEPTED, INVITED, JOINED, LEFT, MODE, REQUEUED, ENDED, RATED
    }

    /**
     * Why an entry was written. The dashboard shows the translation of {@code log.reason.<REASON>} with the entry's
     * subject (a name, a store, a score) filled in; {@code detail} keeps the English sentence for API users.
     */
    public enum Reason {
        REQUESTED(Kind.CREATED, "Requested"),
        REQUESTED_FROM_EXPERT(Kind.CREATED, "Requested from the button of a specific expert"),
        REQUESTED_FOR_STORE(Kind.CREATED, "Requested for the store {subject}"),
        REQUESTED_PREVIOUS_EXPERT(Kind.CREATED, "Requested; previous expert preferred"),
        MESSAGE_LEFT(Kind.MESSAGE_LEFT, "Left a message while no expert was online"),
        OFFERED(Kind.OFFERED, "Offered to {subject}"),
        MISSED(Kind.MISSED, "Missed by {subject}"),
        EXPERT_OFFLINE(Kind.WITHDRAWN, "Withdrawn: {subject} is no longer online"),
        ACCEPTED(Kind.ACCEPTED, "Accepted by {subject}"),
        BOOKED_ROOM(Kind.ACCEPTED, "Opened for {subject}'s booked appointment, without routing"),
        INVITE_CREATED(Kind.INVITED, "The Host created an invite link"),
        INVITE_REVOKED(Kind.INVITED, "The Host revoked the invite link"),
        JOINED(Kind.JOINED, "{subject} joined through the invite link"),
        JOINED_AGAIN(Kind.JOINED, "{subject} joined again"),
        JOINED_APPOINTMENT(Kind.JOINED, "{subject} joined through their appointment link"),
        LEFT(Kind.LEFT, "{subject} left"),
        CONNECTION_LOST(Kind.LEFT, "{subject} lost the connection and left"),
        TEXT_ONLY(Kind.MODE, "Switched to text only by {subject}"),
        VIDEO(Kind.MODE, "Switched to video by {subject}"),
        EXPERT_GONE_REQUEUED(Kind.REQUEUED, "Back in the queue: {subject} had no open console for the grace period"),
        ENDED_BY(Kind.ENDED, "Ended by {subject}"),
        ENDED_BY_ADMIN(Kind.ENDED, "Ended by an admin"),
        CUSTOMERS_GONE(Kind.ENDED, "Ended on its own: no customer was connected for {subject} seconds"),
        EXPERT_GONE_ENDED(Kind.ENDED, "Ended on its own: {subject} had no open console for the grace period"),
        RATED(Kind.RATED, "Rated {subject} of 5");

        private final Kind kind;
        private final String sentence;

        Reason(Kind kind, String sentence) {
            this.kind = kind;
            this.sentence = sentence;
        }

        public Kind kind() {
            return kind;
        }

        String detail(String subject) {
            return sentence.replace("{subject}", subject == null ? "" : subject);
        }
    }

    /** {@code reason} and {@code subject} are null for entries written before reasons were recorded. */
    public record Entry(Instant at, Kind kind, Reason reason, String subject, UUID memberId, String detail) {}

    private final JdbcClient jdbc;

    DialogLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(UUID dialogId, Reason reason, UUID memberId, String subject, Instant at) {
        jdbc.sql("""
                insert into dialog_log (dialog_id, at, kind, reason, subject, member_id, detail)
                values (?, ?, ?, ?, ?, ?, ?)
                """)
                .params(dialogId, ts(at), reason.kind().name(), reason.name(), subject, memberId, reason.detail(subject))
                .update();
    }

    /**
     * A dialog's log in the order it was written. Not by time: each step reads the time on its own thread when it
     * begins, and those readings need not come in the order of the writes (a wall clock can also be set back).
     */
    List<Entry> of(UUID dialogId) {
        return jdbc.sql("select * from dialog_log where dialog_id = ? order by id").param(dialogId)
                .query((rs, row) -> {
                    String reason = rs.getString("reason");
                    return new Entry(Db.instant(rs, "at"), Kind.valueOf(rs.getString("kind")),
                            reason == null ? null : Reason.valueOf(reason), rs.getString("subject"),
                            rs.getObject("member_id", UUID.class), rs.getString("detail"));
                })
                .list();
    }
}
