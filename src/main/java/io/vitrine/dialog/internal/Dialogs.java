package io.vitrine.dialog.internal;

import io.vitrine.dialog.DialogMode;
import io.vitrine.dialog.DialogStatus;
import io.vitrine.shared.Db;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static io.vitrine.shared.Db.ts;

@Repository
class Dialogs {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    Dialogs(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    void insert(DialogRow d) {
        jdbc.sql("""
                insert into dialog (id, merchant_id, status, media_mode, host_shopper_id, target_expert_id,
                    previous_expert_id, target_store, created_at, last_seq, page_url)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)
                """)
                .params(d.id(), d.merchantId(), d.status().name(), d.mode().name(), d.hostShopperId(), d.targetExpertId(),
                        d.previousExpertId(), d.targetStore(), ts(d.createdAt()), d.pageUrl())
                .update();
    }

    Optional<DialogRow> find(UUID id) {
        return jdbc.sql("select * from dialog where id = ?").param(id).query(Dialogs::map).optional();
    }

    /** Locks the dialog row until the transaction ends: state changes of one dialog happen one at a time. */
    Optional<DialogRow> lock(UUID id) {
        return jdbc.sql("select * from dialog where id = ? for update").param(id).query(Dialogs::map).optional();
    }

    /** How many customers the dialog seats: a brand room's capacity, else what a live stream carries. */
    int seatLimit(UUID id) {
        Integer limit = jdbc.sql("select seat_limit from dialog where id = ?").param(id).query(Integer.class).optional()
                .orElse(null);
        return limit == null ? io.vitrine.dialog.DialogView.MAX_CUSTOMERS : Math.min(limit, io.vitrine.dialog.DialogView.MAX_CUSTOMERS);
    }

    /** A brand room's dialog seats no more than the room's capacity, whichever way a customer comes in. */
    void limitSeats(UUID id, int limit) {
        jdbc.sql("update dialog set seat_limit = ? where id = ?").params(limit, id).update();
    }

    /**
     * Serialises routing of one merchant across threads and nodes. The merchant row is the tenant's anchor;
     * only its lock is taken, nothing of it is read or written here.
     */
    void lockMerchantRouting(UUID merchantId) {
        jdbc.sql("select id from merchant where id = ? for update").param(merchantId).query().listOfRows();
    }

    /**
     * Locks the rows of these dialogs until the transaction ends, in one statement and in the order of their ids
     * (the database's order), so that two nodes' writers locking overlapping sets never wait for each other in a
     * circle. Dialogs that do not exist are missing from the answer.
     */
    Map<UUID, DialogRow> lockAll(Collection<UUID> ids) {
        Map<UUID, DialogRow> locked = new HashMap<>();
        jdbc.sql("select * from dialog where id in (:ids) order by id for update").param("ids", ids)
                .query(Dialogs::map).list().forEach(d -> locked.put(d.id(), d));
        return locked;
    }

    /** Moves each dialog's sequence on to its new last value, in one batch; only while holding the rows' locks. */
    void advanceSeqs(Map<UUID, Long> lastSeqs) {
        List<Map.Entry<UUID, Long>> rows = List.copyOf(lastSeqs.entrySet());
        batch.batchUpdate("update dialog set last_seq = ? where id = ?", rows, rows.size(), (statement, row) -> {
            statement.setLong(1, row.getValue());
            statement.setObject(2, row.getKey());
        });
    }


    long nextSeq(UUID dialogId) {
        jdbc.sql("update dialog set last_seq = last_seq + 1 where id = ?").param(dialogId).update();
        return jdbc.sql("select last_seq from dialog where id = ?").param(dialogId).query(Long.class).single();
    }

    void accept(UUID id, UUID expertId, Instant at) {
        jdbc.sql("update dialog set status = 'ACTIVE', expert_id = ?, accepted_at = ? where id = ?")
                .params(expertId, ts(at), id).update();
    }

    void end(UUID id, Instant at, DialogRow.EndReason reason) {
        jdbc.sql("update dialog set status = 'ENDED', ended_at = ?, end_reason = ?, customers_gone_since = null where id = ?")
                .params(ts(at), reason.name(), id).update();
    }

    /**
     * A live dialog without its expert waits for another one. Its first choices are dropped: the shopper was already
     * served and is waiting again, so the whole team gets the request at once.
     */
    void requeue(UUID id) {
        jdbc.sql("""
                update dialog set status = 'WAITING', expert_id = null, accepted_at = null,
                    target_expert_id = null, target_store = null, previous_expert_id = null
                where id = ?
                """).param(id).update();
    }

    /** The last customer connection to an open dialog closed; the first such moment counts. */
    void markCustomersGone(UUID id, Instant at) {
        jdbc.sql("""
                update dialog set customers_gone_since = ?
                where id = ? and customers_gone_since is null and status in ('WAITING', 'ACTIVE')
                """).params(ts(at), id).update();
    }

    void markCustomersBack(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("update dialog set customers_gone_since = null where id in (:ids) and customers_gone_since is not null")
                .param("ids", ids).update();
    }

    /** Open dialogs none of whose customers has been connected since {@code before}. */
    List<UUID> customersGoneBefore(Instant before) {
        return jdbc.sql("""
                select id from dialog where status in ('WAITING', 'ACTIVE') and customers_gone_since < ?
                """).param(ts(before)).query(UUID.class).list();
    }

    boolean customersGoneBefore(UUID id, Instant before) {
        return jdbc.sql("""
                select count(*) from dialog
                where id = ? and status in ('WAITING', 'ACTIVE') and customers_gone_since < ?
                """).params(id, ts(before)).query(Long.class).single() > 0;
    }

    /** Live dialogs by their expert. */
    Map<UUID, List<UUID>> activeByExpert() {
        return jdbc.sql("select id, expert_id from dialog where status = 'ACTIVE' and expert_id is not null")
                .query((rs, row) -> Map.entry(rs.getObject("expert_id", UUID.class), rs.getObject("id", UUID.class)))
                .list().stream().collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    void setMode(UUID id, DialogMode mode) {
        jdbc.sql("update dialog set media_mode = ? where id = ?").params(mode.name(), id).update();
    }

    void rate(UUID id, int score, String comment) {
        jdbc.sql("update dialog set rating = ?, rating_comment = ? where id = ?").params(score, comment, id).update();
    }

    List<DialogRow> openOfShopper(UUID shopperId) {
        return jdbc.sql("""
                select * from dialog where host_shopper_id = ? and status in ('WAITING', 'ACTIVE') order by created_at
                """).param(shopperId).query(Dialogs::map).list();
    }

    /** Dialogs the shopper took part in, as Host or Guest, newest first. */
    List<DialogRow> ofShopper(UUID shopperId) {
        return jdbc.sql("""
                select d.* from dialog d
                where exists (select 1 from participant p where p.dialog_id = d.id and p.shopper_id = ?)
                order by d.created_at desc
                """).param(shopperId).query(Dialogs::map).list();
    }

    Optional<UUID> previousExpertOf(UUID shopperId) {
        return jdbc.sql("""
                select expert_id from dialog where host_shopper_id = ? and expert_id is not null
                order by created_at desc limit 1
                """).param(shopperId).query(UUID.class).optional();
    }

    /** Waiting dialogs of a merchant in first-in-first-out order. */
    List<DialogRow> waiting(UUID merchantId) {
        return jdbc.sql("select * from dialog where merchant_id = ? and status = 'WAITING' order by created_at, id")
                .param(merchantId).query(Dialogs::map).list();
    }

    List<DialogRow> leftMessages(UUID merchantId) {
        return jdbc.sql("select * from dialog where merchant_id = ? and status = 'MESSAGE' order by created_at, id")
                .param(merchantId).query(Dialogs::map).list();
    }

    List<UUID> merchantsWithWaitingDialogs() {
        return jdbc.sql("select distinct merchant_id from dialog where status = 'WAITING'").query(UUID.class).list();
    }

    Map<UUID, Integer> activeCountByExpert(UUID merchantId) {
        return jdbc.sql("""
                select expert_id, count(*) as n from dialog
                where merchant_id = ? and status = 'ACTIVE' group by expert_id
                """).param(merchantId)
                .query((rs, row) -> Map.entry(rs.getObject("expert_id", UUID.class), rs.getInt("n")))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    List<DialogRow> search(UUID merchantId, DialogStatus status, UUID expertId, int limit) {
        return jdbc.sql("""
                select * from dialog
                where merchant_id = :merchant
                  and (cast(:status as varchar(10)) is null or status = :status)
                  and (cast(:expert as uuid) is null or expert_id = :expert)
                order by created_at desc limit :limit
                """)
                .param("merchant", merchantId)
                .param("status", status == null ? null : status.name())
                .param("expert", expertId)
                .param("limit", limit)
                .query(Dialogs::map).list();
    }

    /** How many of a dialog's newest events are searched first for its last message, by key. */
    static final int RECENT_EVENTS = 64;

    /** The dialog's latest message, if it has one. */
    Optional<String> lastMessage(DialogRow dialog) {
        return Optional.ofNullable(lastMessages(List.of(dialog)).get(dialog.id()));
    }

    /**
     * The latest message of each of many dialogs in one read, two when one of them has none among its newest
     * {@link #RECENT_EVENTS} events; dialogs without one are missing. H2 answers "the latest event of these kinds"
     * by reading all of a dialog's events, so the newest ones are searched first, a range of the primary key each.
     */
    Map<UUID, String> lastMessages(Collection<DialogRow> rows) {
        if (rows.isEmpty()) {
            return Map.of();
        }
        Map<UUID, String> last = new HashMap<>();
        Map<UUID, Long> seqOfLast = new HashMap<>();
        List<UUID> olderToRead = new ArrayList<>();
        jdbc.sql("""
                select d.id, d.last_seq, t.seq, t.body from dialog d
                left join timeline_event t on t.dialog_id = d.id and t.seq > d.last_seq - :recent
                                          and t.kind in ('MESSAGE', 'MESSAGE_LEFT')
                where d.id in (:ids)
                """).param("recent", RECENT_EVENTS).param("ids", rows.stream().map(DialogRow::id).toList())
                .query(rs -> {
                    UUID id = rs.getObject("id", UUID.class);
                    long seq = rs.getLong("seq");
                    if (rs.wasNull()) {
                        if (rs.getLong("last_seq") > RECENT_EVENTS) {
                            olderToRead.add(id);
                        }
                    } else if (seq > seqOfLast.getOrDefault(id, 0L)) {
                        seqOfLast.put(id, seq);
                        last.put(id, rs.getString("body"));
                    }
                });
        if (!olderToRead.isEmpty()) {
            jdbc.sql("""
                    select t.dialog_id, t.body from timeline_event t
                    where t.dialog_id in (:ids) and t.kind in ('MESSAGE', 'MESSAGE_LEFT')
                      and t.seq = (select max(l.seq) from timeline_event l
                                   where l.dialog_id = t.dialog_id and l.kind in ('MESSAGE', 'MESSAGE_LEFT'))
                    """).param("ids", olderToRead)
                    .query(rs -> { last.putIfAbsent(rs.getObject("dialog_id", UUID.class), rs.getString("body")); });
        }
        return last;
    }

    private static DialogRow map(ResultSet rs, int row) throws SQLException {
        return new DialogRow(rs.getObject("id", UUID.class), rs.getObject("merchant_id", UUID.class),
                DialogStatus.valueOf(rs.getString("status")), DialogMode.valueOf(rs.getString("media_mode")),
                rs.getObject("host_shopper_id", UUID.class),
                rs.getObject("target_expert_id", UUID.class), rs.getObject("previous_expert_id", UUID.class),
                rs.getString("target_store"), rs.getObject("expert_id", UUID.class), Db.instant(rs, "created_at"),
                Db.instant(rs, "accepted_at"), Db.instant(rs, "ended_at"), rs.getLong("last_seq"),
                (Integer) rs.getObject("rating"), rs.getString("rating_comment"),
                rs.getString("end_reason") == null ? null : DialogRow.EndReason.valueOf(rs.getString("end_reason")),
                rs.getString("page_url"));
    }
}
