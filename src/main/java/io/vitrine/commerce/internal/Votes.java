package io.vitrine.commerce.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import static io.vitrine.shared.Db.ts;

/** Customers' votes on the product cards of a dialog: one per participant per card, changeable. */
@Repository
class Votes {

    enum Vote { LIKE, NOT_FOR_ME, NONE }

    /** The votes on one card (its event sequence). */
    record Tally(long seq, int likes, int notForMe) {}

    private final JdbcClient jdbc;

    Votes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces the participant's vote on the card; NONE takes it back. */
    @Transactional
    void cast(UUID dialogId, long seq, UUID participantId, Vote vote, Instant now) {
        jdbc.sql("delete from product_vote where dialog_id = ? and seq = ? and participant_id = ?")
                .params(dialogId, seq, participantId).update();
        if (vote != Vote.NONE) {
            jdbc.sql("insert into product_vote (dialog_id, seq, participant_id, vote, at) values (?, ?, ?, ?, ?)")
                    .params(dialogId, seq, participantId, vote.name(), ts(now)).update();
        }
    }

    Tally tally(UUID dialogId, long seq) {
        return jdbc.sql("""
                select count(case when vote = 'LIKE' then 1 end) as likes,
                       count(case when vote = 'NOT_FOR_ME' then 1 end) as not_for_me
                from product_vote where dialog_id = ? and seq = ?
                """)
                .params(dialogId, seq).query((rs, n) -> new Tally(seq, rs.getInt("likes"), rs.getInt("not_for_me")))
                .single();
    }

    List<Tally> tallies(UUID dialogId) {
        return jdbc.sql("""
                select seq, count(case when vote = 'LIKE' then 1 end) as likes,
                       count(case when vote = 'NOT_FOR_ME' then 1 end) as not_for_me
                from product_vote where dialog_id = ? group by seq order by seq
                """)
                .param(dialogId).query((rs, n) -> new Tally(rs.getLong("seq"), rs.getInt("likes"), rs.getInt("not_for_me")))
                .list();
    }

    /** The participant's own votes, by card. */
    Map<Long, Vote> of(UUID dialogId, UUID participantId) {
        return jdbc.sql("select seq, vote from product_vote where dialog_id = ? and participant_id = ?")
                .params(dialogId, participantId)
                .query((rs, n) -> Map.entry(rs.getLong("seq"), Vote.valueOf(rs.getString("vote")))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
