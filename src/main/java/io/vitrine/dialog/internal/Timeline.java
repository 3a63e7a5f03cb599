package io.vitrine.dialog.internal;

import io.vitrine.dialog.EventKind;
import io.vitrine.dialog.ProductCard;
import io.vitrine.dialog.TimelineEvent;
import io.vitrine.shared.Avatar;
import io.vitrine.shared.Db;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import static io.vitrine.shared.Db.ts;

/** The append-only, per-dialog sequenced timeline. */
@Repository
class Timeline {

    /** Events per read; longer timelines are read page after page (by sequence), never cut off. */
    static final int PAGE = 500;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Dialogs dialogs;
    private final JsonMapper json;

    Timeline(JdbcClient jdbc, JdbcTemplate batch, Dialogs dialogs, JsonMapper json) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.dialogs = dialogs;
        this.json = json;
    }

    /** Must run inside the transaction that changes the dialog: the sequence is taken from the dialog row. */
    TimelineEvent append(UUID dialogId, EventKind kind, Participants.Row author, String text, String clientRef, Instant at) {
        return append(dialogId, kind, author, text, clientRef, null, at);
    }

    /** As above, with a product card (stored as JSON in its own column, so older events stay as they were). */
    TimelineEvent append(UUID dialogId, EventKind kind, Participants.Row author, String text, String clientRef,
            ProductCard product, Instant at) {
        long seq = dialogs.nextSeq(dialogId);
        jdbc.sql("""
                insert into timeline_event (dialog_id, seq, kind, at, participant_id, body, client_ref, product, product_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(dialogId, seq, kind.name(), ts(at), author == null ? null : author.id(), text, clientRef,
                        product == null ? null : json.writeValueAsString(product), product == null ? null : product.productId())
                .update();
        return new TimelineEvent(dialogId, seq, kind, at, author == null ? null : author.avatar(), text, clientRef,
                product);
    }

    /** The product card stored as event {@code seq}, if that event carries one. */
    Optional<ProductCard> card(UUID dialogId, long seq) {
        return jdbc.sql("select product from timeline_event where dialog_id = ? and seq = ? and product is not null")
                .params(dialogId, seq).query(String.class).optional().map(this::card);
    }

    /** Whether a card of this product was shown in the dialog. */
    boolean shown(UUID dialogId, UUID productId) {
        return jdbc.sql("select count(*) from timeline_event where dialog_id = ? and product_id = ?")
                .params(dialogId, productId).query(Long.class).single() > 0;
    }

    private ProductCard card(String stored) {
        return json.readValue(stored, ProductCard.class);
    }

    /**
     * Stores events whose sequences the caller took from the dialog row it holds locked, in one batched statement,
     * each with the participant id of its author.
     */
    void insertAll(List<Authored> events) {
        batch.batchUpdate("""
                insert into timeline_event (dialog_id, seq, kind, at, participant_id, body, client_ref)
                values (?, ?, ?, ?, ?, ?, ?)
                """, events, events.size(), (statement, authored) -> {
                    TimelineEvent event = authored.event();
                    statement.setObject(1, event.dialogId());
                    statement.setLong(2, event.seq());
                    statement.setString(3, event.kind().name());
                    statement.setObject(4, ts(event.at()));
                    statement.setObject(5, authored.participantId());
                    statement.setString(6, event.text());
                    statement.setString(7, event.clientRef());
                });
    }

    /** An event to store and the participant who wrote it. */
    record Authored(TimelineEvent event, UUID participantId) {}

    /** Up to {@code limit} events after {@code afterSeq}, in sequence order. */
    List<TimelineEvent> after(UUID dialogId, long afterSeq, int limit) {
        return jdbc.sql("""
                select e.*, p.role, p.screen_name, p.color
                from timeline_event e left join participant p on p.id = e.participant_id
                where e.dialog_id = ? and e.seq > ?
                order by e.seq limit ?
                """)
                .params(dialogId, afterSeq, limit)
                .query(this::map).list();
    }

    private TimelineEvent map(ResultSet rs, int row) throws SQLException {
        UUID participantId = rs.getObject("participant_id", UUID.class);
        Avatar author = participantId == null ? null
                : Avatar.of(participantId.toString(), rs.getString("role"), rs.getString("screen_name"), rs.getString("color"));
        return new TimelineEvent(rs.getObject("dialog_id", UUID.class), rs.getLong("seq"),
                EventKind.valueOf(rs.getString("kind")), Db.instant(rs, "at"), author, rs.getString("body"),
                rs.getString("client_ref"), rs.getString("product") == null ? null : card(rs.getString("product")));
    }
}
