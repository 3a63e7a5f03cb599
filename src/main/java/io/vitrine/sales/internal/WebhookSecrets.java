package io.vitrine.sales.internal;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static io.vitrine.shared.Db.ts;

/** The shared secrets of each merchant's order webhooks: written by admins, read only to check signatures. */
@Repository
class WebhookSecrets {

    enum Kind { SHOPIFY, VITRINE }

    private final JdbcClient jdbc;

    WebhookSecrets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<String> of(UUID merchantId, Kind kind) {
        return jdbc.sql("select secret from sales_webhook_secret where merchant_id = ? and kind = ?")
                .params(merchantId, kind.name()).query(String.class).optional();
    }

    boolean isSet(UUID merchantId, Kind kind) {
        return of(merchantId, kind).isPresent();
    }

    void set(UUID merchantId, Kind kind, String secret, Instant now) {
        int updated = jdbc.sql("update sales_webhook_secret set secret = ?, updated_at = ? where merchant_id = ? and kind = ?")
                .params(secret, ts(now), merchantId, kind.name()).update();
        if (updated == 0) {
            jdbc.sql("insert into sales_webhook_secret (merchant_id, kind, secret, updated_at) values (?, ?, ?, ?)")
                    .params(merchantId, kind.name(), secret, ts(now)).update();
        }
    }

    void remove(UUID merchantId, Kind kind) {
        jdbc.sql("delete from sales_webhook_secret where merchant_id = ? and kind = ?").params(merchantId, kind.name()).update();
    }

    /** Remembers a delivery; false when it was taken before (a replay). */
    boolean firstDelivery(UUID merchantId, Kind kind, String deliveryId, Instant now) {
        int inserted = jdbc.sql("""
                insert into sales_webhook_receipt (merchant_id, kind, delivery_id, received_at)
                select ?, ?, ?, ? where not exists
                    (select 1 from sales_webhook_receipt where merchant_id = ? and kind = ? and delivery_id = ?)""")
                .params(merchantId, kind.name(), deliveryId, ts(now), merchantId, kind.name(), deliveryId).update();
        return inserted == 1;
    }
}
