package io.vitrine.notifications.internal;

import io.vitrine.notifications.Channel;
import io.vitrine.notifications.Recipient;
import io.vitrine.shared.Db;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which channels a recipient accepts; without a stored row, all of them. */
@Repository
public class Preferences {

    public record Settings(boolean email, boolean push) {

        boolean allows(Channel channel) {
            return switch (channel) {
                case EMAIL -> email;
                case PUSH -> push;
            };
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    Preferences(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Settings of(Recipient recipient) {
        return jdbc.sql("""
                select email_enabled, push_enabled from notification_preference
                where recipient_id = ? and merchant_id = ? and recipient_kind = ?""")
                .params(recipient.id(), recipient.merchantId(), recipient.kind().name())
                .query((rs, n) -> new Settings(rs.getBoolean("email_enabled"), rs.getBoolean("push_enabled")))
                .optional().orElse(new Settings(true, true));
    }

    public Settings save(Recipient recipient, Settings settings) {
        int updated = jdbc.sql("""
                update notification_preference set email_enabled = ?, push_enabled = ?, updated_at = ?
                where recipient_id = ? and merchant_id = ? and recipient_kind = ?""")
                .params(settings.email(), settings.push(), Db.ts(clock.instant()), recipient.id(),
                        recipient.merchantId(), recipient.kind().name())
                .update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into notification_preference
                        (recipient_id, merchant_id, recipient_kind, email_enabled, push_enabled, updated_at)
                    values (?, ?, ?, ?, ?, ?)""")
                    .params(recipient.id(), recipient.merchantId(), recipient.kind().name(), settings.email(),
                            settings.push(), Db.ts(clock.instant()))
                    .update();
        }
        return settings;
    }

    void turnOffEmail(Recipient recipient) {
        save(recipient, new Settings(false, of(recipient).push()));
    }
}
