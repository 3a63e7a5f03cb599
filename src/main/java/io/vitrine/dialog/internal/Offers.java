package io.vitrine.dialog.internal;

import io.vitrine.shared.Db;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static io.vitrine.shared.Db.ts;

/** Offers of waiting dialogs to single experts. An offer is pending while its outcome is null. */
@Repository
class Offers {

    enum Outcome { ACCEPTED, MISSED, WITHDRAWN }

    record Offer(UUID id, UUID dialogId, UUID memberId, Instant offeredAt, Instant expiresAt, String outcome) {

        Offer settled(Outcome settledAs) {
            return new Offer(id, dialogId, memberId, offeredAt, expiresAt, settledAs.name());
        }
    }

    private final JdbcClient jdbc;

    Offers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID dialogId, UUID memberId, Instant now, Instant expiresAt) {
        jdbc.sql("insert into dialog_offer (id, dialog_id, member_id, offered_at, expires_at) values (?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), dialogId, memberId, ts(now), ts(expiresAt)).update();
    }

    Optional<Offer> pending(UUID dialogId) {
        return jdbc.sql("select * from dialog_offer where dialog_id = ? and outcome is null").param(dialogId)
                .query(Offers::map).optional();
    }

    /** Every offer of the merchant's open dialogs, pending or settled, for routing decisions. */
    List<Offer> ofWaitingDialogs(UUID merchantId) {
        return jdbc.sql("""
                select o.* from dialog_offer o join dialog d on d.id = o.dialog_id
                where d.merchant_id = ? and d.status = 'WAITING'
                order by o.offered_at
                """).param(merchantId).query(Offers::map).list();
    }

    void settle(UUID offerId, Outcome outcome) {
        jdbc.sql("update dialog_offer set outcome = ? where id = ? and outcome is null").params(outcome.name(), offerId).update();
    }

    void withdrawAll(UUID dialogId) {
        jdbc.sql("update dialog_offer set outcome = 'WITHDRAWN' where dialog_id = ? and outcome is null").param(dialogId).update();
    }

    private static Offer map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Offer(rs.getObject("id", UUID.class), rs.getObject("dialog_id", UUID.class),
                rs.getObject("member_id", UUID.class), Db.instant(rs, "offered_at"), Db.instant(rs, "expires_at"),
                rs.getString("outcome"));
    }
}
