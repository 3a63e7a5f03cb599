package io.vitrine.sales.internal;

import io.vitrine.shared.SecretBox;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static io.vitrine.shared.Db.ts;

/**
 * The shared secrets of each merchant's order webhooks: written by admins, read only to check signatures. They are
 * stored encrypted ({@link SecretBox}, bound to the merchant and the kind) in {@code sales_sealed_webhook_secret};
 * rows an earlier version wrote in plain text ({@code sales_webhook_secret}) are moved there, sealed, at start-up and
 * read as they are until then.
 */
@Repository
class WebhookSecrets {

    enum Kind { SHOPIFY, VITRINE }

    private static final Logger LOG = LoggerFactory.getLogger(WebhookSecrets.class);

    private final JdbcClient jdbc;
    private final SalesProperties properties;
    private final Clock clock;
    private volatile SecretBox box;

    WebhookSecrets(JdbcClient jdbc, SalesProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    Optional<String> of(UUID merchantId, Kind kind) {
        return jdbc.sql("select secret from sales_sealed_webhook_secret where merchant_id = ? and kind = ?")
                .params(merchantId, kind.name()).query(String.class).optional()
                .map(sealed -> box().open(sealed, context(merchantId, kind)))
                .or(() -> plain(merchantId, kind));
    }

    /** A secret an earlier version stored in plain text, until {@link #sealPlainSecrets()} has moved it. */
    private Optional<String> plain(UUID merchantId, Kind kind) {
        return jdbc.sql("select secret from sales_webhook_secret where merchant_id = ? and kind = ?")
                .params(merchantId, kind.name()).query(String.class).optional();
    }

    boolean isSet(UUID merchantId, Kind kind) {
        return of(merchantId, kind).isPresent();
    }

    void set(UUID merchantId, Kind kind, String secret, Instant now) {
        String sealed = box().seal(secret, context(merchantId, kind));
        int updated = jdbc.sql("update sales_sealed_webhook_secret set secret = ?, updated_at = ? where merchant_id = ? and kind = ?")
                .params(sealed, ts(now), merchantId, kind.name()).update();
        if (updated == 0) {
            jdbc.sql("insert into sales_sealed_webhook_secret (merchant_id, kind, secret, updated_at) values (?, ?, ?, ?)")
                    .params(merchantId, kind.name(), sealed, ts(now)).update();
        }
        removePlain(merchantId, kind);
    }

    void remove(UUID merchantId, Kind kind) {
        jdbc.sql("delete from sales_sealed_webhook_secret where merchant_id = ? and kind = ?").params(merchantId, kind.name()).update();
        removePlain(merchantId, kind);
    }

    private void removePlain(UUID merchantId, Kind kind) {
        jdbc.sql("delete from sales_webhook_secret where merchant_id = ? and kind = ?").params(merchantId, kind.name()).update();
    }

    @EventListener(ApplicationReadyEvent.class)
    void sealAtStartUp() {
        sealPlainSecrets();
    }

    /**
     * Moves the secrets an earlier version stored in plain text into the sealed table (a secret set since wins) and
     * deletes the plain rows; returns how many were moved.
     */
    int sealPlainSecrets() {
        record Plain(UUID merchantId, Kind kind, String secret, java.sql.Timestamp updatedAt) {}
        var plain = jdbc.sql("select merchant_id, kind, secret, updated_at from sales_webhook_secret")
                .query((rs, n) -> new Plain(rs.getObject("merchant_id", UUID.class), Kind.valueOf(rs.getString("kind")),
                        rs.getString("secret"), rs.getTimestamp("updated_at")))
                .list();
        int moved = 0;
        for (Plain row : plain) {
            moved += jdbc.sql("""
                    insert into sales_sealed_webhook_secret (merchant_id, kind, secret, updated_at)
                    select ?, ?, ?, ? where not exists
                        (select 1 from sales_sealed_webhook_secret where merchant_id = ? and kind = ?)""")
                    .params(row.merchantId(), row.kind().name(), box().seal(row.secret(), context(row.merchantId(), row.kind())),
                            row.updatedAt(), row.merchantId(), row.kind().name())
                    .update();
            removePlain(row.merchantId(), row.kind());
        }
        if (moved > 0) {
            LOG.info("Encrypted {} webhook secret(s) stored in plain text by an earlier version", moved);
        }
        return moved;
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

    private SecretBox box() {
        SecretBox current = box;
        if (current == null) {
            current = SecretBox.configuredOrStored(properties.secretKey(), "vitrine.sales.secret-key", jdbc,
                    "sales_secret_key", clock);
            box = current;
        }
        return current;
    }

    private static String context(UUID merchantId, Kind kind) {
        return merchantId + "/webhook." + kind.name();
    }
}
