package io.vitrine.notifications.internal;

import io.vitrine.notifications.Recipient;
import io.vitrine.shared.Db;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Browsers' push subscriptions, each belonging to one recipient. */
@Repository
public class PushSubscriptions {

    public record Subscription(UUID id, Recipient recipient, String endpoint, String p256dh, String auth) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    PushSubscriptions(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Stores the subscription for the recipient; an endpoint subscribed before moves to them with its new keys. */
    @Transactional
    public UUID save(Recipient owner, String endpoint, String p256dh, String auth) {
        jdbc.sql("delete from push_subscription where endpoint = ?").param(endpoint).update();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into push_subscription (id, merchant_id, recipient_kind, recipient_id, endpoint, p256dh, auth,
                    created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, owner.merchantId(), owner.kind().name(), owner.id(), endpoint, p256dh, auth,
                        Db.ts(clock.instant()))
                .update();
        return id;
    }

    public boolean delete(Recipient owner, UUID id) {
        return jdbc.sql("delete from push_subscription where id = ? and merchant_id = ? and recipient_id = ?")
                .params(id, owner.merchantId(), owner.id()).update() == 1;
    }

    void delete(UUID id) {
        jdbc.sql("delete from push_subscription where id = ?").param(id).update();
    }

    List<Subscription> of(Recipient recipient) {
        return jdbc.sql("""
                select id, endpoint, p256dh, auth from push_subscription
                where merchant_id = ? and recipient_kind = ? and recipient_id = ? order by created_at""")
                .params(recipient.merchantId(), recipient.kind().name(), recipient.id())
                .query((rs, n) -> new Subscription(rs.getObject("id", UUID.class), recipient, rs.getString("endpoint"),
                        rs.getString("p256dh"), rs.getString("auth")))
                .list();
    }

    Optional<Subscription> find(UUID id, Recipient recipient) {
        return of(recipient).stream().filter(s -> s.id().equals(id)).findFirst();
    }
}
