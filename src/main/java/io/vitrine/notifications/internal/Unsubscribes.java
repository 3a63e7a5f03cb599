package io.vitrine.notifications.internal;

import io.vitrine.notifications.Recipient;
import io.vitrine.shared.Db;
import io.vitrine.shared.SecretTokens;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Unsubscribe links (RFC 8058 one-click): each email gets a fresh random token naming its recipient; only the token's
 * hash is stored, so the database alone cannot be used to unsubscribe anyone.
 */
@Service
public class Unsubscribes {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Preferences preferences;

    Unsubscribes(JdbcClient jdbc, Clock clock, Preferences preferences) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.preferences = preferences;
    }

    String newToken(Recipient recipient) {
        String token = SecretTokens.newToken();
        jdbc.sql("""
                insert into notification_unsubscribe (token_hash, merchant_id, recipient_kind, recipient_id, created_at)
                values (?, ?, ?, ?, ?)""")
                .params(SecretTokens.hash(token), recipient.merchantId(), recipient.kind().name(), recipient.id(),
                        Db.ts(clock.instant()))
                .update();
        return token;
    }

    /** Turns email off for the token's recipient; false for an unknown token. */
    @Transactional
    public boolean unsubscribe(String token) {
        Optional<Recipient> recipient = jdbc.sql("""
                select merchant_id, recipient_kind, recipient_id from notification_unsubscribe where token_hash = ?""")
                .param(SecretTokens.hash(token))
                .query((rs, n) -> new Recipient(rs.getObject("merchant_id", UUID.class),
                        Recipient.Kind.valueOf(rs.getString("recipient_kind")), rs.getObject("recipient_id", UUID.class)))
                .optional();
        recipient.ifPresent(preferences::turnOffEmail);
        return recipient.isPresent();
    }
}
