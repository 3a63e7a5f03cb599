package io.vitrine.contacts.internal;

import io.vitrine.shared.Db;
import io.vitrine.shared.DomainException;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reply domain of each merchant's proxy email addresses: the merchant's own, or the configured
 * {@code vitrine.contacts.reply-domain}. New proxy addresses and Message-IDs take it; a domain set by a merchant
 * belongs to that merchant alone, so mail to it is routed among that merchant's proxies only.
 */
@Service
public class ReplyDomains {

    /** A DNS host name (RFC 1123): letters, digits and inner hyphens per label, two labels at least. */
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    public record Setting(String replyDomain, String defaultReplyDomain, boolean custom) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final String configured;

    ReplyDomains(JdbcClient jdbc, Clock clock, ContactsProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.configured = properties.replyDomain().toLowerCase(Locale.ROOT);
    }

    /** The domain new proxy addresses of the merchant are issued on. */
    public String of(UUID merchantId) {
        return custom(merchantId).orElse(configured);
    }

    public Setting setting(UUID merchantId) {
        Optional<String> custom = custom(merchantId);
        return new Setting(custom.orElse(configured), configured, custom.isPresent());
    }

    /** The merchant that owns this domain, when one set it as theirs. */
    Optional<UUID> owner(String domain) {
        return jdbc.sql("select merchant_id from contact_reply_domain where domain = ?")
                .param(domain.toLowerCase(Locale.ROOT)).query(UUID.class).optional();
    }

    /** Sets the merchant's own domain; the configured one (or a blank value) goes back to the default. */
    @Transactional
    public Setting set(UUID merchantId, String domain) {
        String value = domain == null ? "" : domain.strip().toLowerCase(Locale.ROOT);
        if (value.endsWith(".")) {
            value = value.substring(0, value.length() - 1);
        }
        if (value.isEmpty() || value.equals(configured)) {
            jdbc.sql("delete from contact_reply_domain where merchant_id = ?").param(merchantId).update();
            return setting(merchantId);
        }
        hostname(value);
        Optional<UUID> owner = owner(value);
        if (owner.isPresent() && !owner.get().equals(merchantId)) {
            throw taken();
        }
        try {
            int updated = jdbc.sql("update contact_reply_domain set domain = ?, updated_at = ? where merchant_id = ?")
                    .params(value, Db.ts(clock.instant()), merchantId).update();
            if (updated == 0) {
                jdbc.sql("insert into contact_reply_domain (merchant_id, domain, updated_at) values (?, ?, ?)")
                        .params(merchantId, value, Db.ts(clock.instant())).update();
            }
        } catch (DuplicateKeyException e) {
            throw taken();
        }
        return setting(merchantId);
    }

    /** Refuses anything but a host name like reply.example.com (no scheme, port, path, address or IP). */
    static void hostname(String value) {
        String[] labels = value.split("\\.", -1);
        boolean valid = value.length() <= 253 && labels.length >= 2
                && java.util.Arrays.stream(labels).allMatch(label -> LABEL.matcher(label).matches())
                && !labels[labels.length - 1].matches("[0-9]+");
        if (!valid) {
            throw DomainException.invalidField("replyDomain", "Enter a host name like reply.example.com: letters,"
                    + " digits and hyphens in dot-separated parts, no scheme, port, path or @.");
        }
    }

    private Optional<String> custom(UUID merchantId) {
        return jdbc.sql("select domain from contact_reply_domain where merchant_id = ?").param(merchantId)
                .query(String.class).optional();
    }

    private static DomainException taken() {
        return DomainException.conflict("reply_domain_taken", "Another shop already uses this reply domain.");
    }
}
