package io.vitrine.channels.internal;

import io.vitrine.shared.Db;
import java.time.Clock;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Provider events already accepted; a second delivery of one is a replay. Written in the webhook's transaction. */
@Repository
class WebhookReceipts {

    private final JdbcClient jdbc;
    private final Clock clock;

    WebhookReceipts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records the event; a replay throws, which rolls back everything the request did so far. */
    void accept(String provider, String eventKey, UUID merchantId) {
        try {
            jdbc.sql("insert into channel_webhook_receipt (provider, event_key, merchant_id, received_at) values (?, ?, ?, ?)")
                    .params(provider, eventKey, merchantId, Db.ts(clock.instant())).update();
        } catch (DuplicateKeyException seen) {
            throw WebhookRefused.replay(eventKey);
        }
    }
}
