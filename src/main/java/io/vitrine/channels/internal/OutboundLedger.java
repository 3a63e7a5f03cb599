package io.vitrine.channels.internal;

import io.vitrine.channels.Channel;
import io.vitrine.channels.DeliveryState;
import io.vitrine.channels.ProviderMessage;
import io.vitrine.shared.Db;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Messages providers accepted, by the caller's idempotency key. Neither Twilio's Messaging API nor the Cloud API takes
 * an idempotency key, so a retry after a success is answered from here; the caller's outbox holds a lease on the
 * message, so two sends with one key do not race.
 */
@Repository
class OutboundLedger {

    private final JdbcClient jdbc;
    private final Clock clock;

    OutboundLedger(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<ProviderMessage> find(UUID merchantId, String idempotencyKey) {
        return jdbc.sql("select provider_message_id, status from channel_outbound where merchant_id = ? and idempotency_key = ?")
                .params(merchantId, idempotencyKey)
                .query((rs, n) -> new ProviderMessage(rs.getString(1), DeliveryState.valueOf(rs.getString(2))))
                .optional();
    }

    ProviderMessage record(UUID merchantId, String idempotencyKey, Channel channel, ProviderMessage message) {
        try {
            jdbc.sql("""
                            insert into channel_outbound (merchant_id, idempotency_key, channel, provider_message_id, status, created_at)
                            values (?, ?, ?, ?, ?, ?)""")
                    .params(merchantId, idempotencyKey, channel.name(), message.id(), message.status().name(),
                            Db.ts(clock.instant()))
                    .update();
            return message;
        } catch (DuplicateKeyException concurrentSend) {
            return find(merchantId, idempotencyKey).orElse(message);
        }
    }

    void updateStatus(UUID merchantId, String providerMessageId, DeliveryState state) {
        jdbc.sql("update channel_outbound set status = ? where merchant_id = ? and provider_message_id = ?")
                .params(state.name(), merchantId, providerMessageId).update();
    }
}
