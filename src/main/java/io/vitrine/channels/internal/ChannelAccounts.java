package io.vitrine.channels.internal;

import io.vitrine.channels.Channel;
import io.vitrine.shared.Db;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Merchants' provider accounts and proxy numbers; credentials are sealed on write and opened on read. */
@Repository
public class ChannelAccounts {

    private final JdbcClient jdbc;
    private final SecretKeys keys;
    private final Clock clock;

    ChannelAccounts(JdbcClient jdbc, SecretKeys keys, Clock clock) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.clock = clock;
    }

    public Optional<TwilioAccount> twilio(UUID merchantId) {
        return twilioCredentials(merchantId).map(account -> new TwilioAccount(merchantId, account.accountSid(),
                account.authToken(), numbers(merchantId, Channel.SMS)));
    }

    /** The Twilio account without its numbers: all a webhook's signature check needs (one query less). */
    Optional<TwilioAccount> twilioCredentials(UUID merchantId) {
        return jdbc.sql("select account_sid, auth_token_enc from channel_twilio_account where merchant_id = ?")
                .param(merchantId)
                .query((rs, n) -> new TwilioAccount(merchantId, rs.getString("account_sid"),
                        open(rs.getString("auth_token_enc"), merchantId, "twilio.auth-token"), List.of()))
                .optional();
    }

    /** The Twilio account with this Account SID (the demo provider authenticates adapters by it). */
    public Optional<TwilioAccount> twilioBySid(String accountSid) {
        return jdbc.sql("select merchant_id from channel_twilio_account where account_sid = ?").param(accountSid)
                .query(UUID.class).optional().flatMap(this::twilio);
    }

    public Optional<WhatsAppAccount> whatsapp(UUID merchantId) {
        return jdbc.sql("""
                        select access_token_enc, app_secret_enc, verify_token_enc
                        from channel_whatsapp_account where merchant_id = ?""")
                .param(merchantId)
                .query((rs, n) -> new WhatsAppAccount(merchantId,
                        open(rs.getString("access_token_enc"), merchantId, "whatsapp.access-token"),
                        open(rs.getString("app_secret_enc"), merchantId, "whatsapp.app-secret"),
                        open(rs.getString("verify_token_enc"), merchantId, "whatsapp.verify-token"),
                        whatsappNumbers(merchantId)))
                .optional();
    }

    /** The merchant owning this WhatsApp phone-number ID (the demo provider routes by it). */
    public Optional<UUID> merchantOfPhoneNumberId(String phoneNumberId) {
        return jdbc.sql("select merchant_id from channel_number where channel = 'WHATSAPP' and provider_ref = ?")
                .param(phoneNumberId).query(UUID.class).optional();
    }

    public Optional<UUID> merchantOfNumber(Channel channel, String number) {
        return jdbc.sql("select merchant_id from channel_number where channel = ? and number = ?")
                .params(channel.name(), number).query(UUID.class).optional();
    }

    public List<String> numbers(UUID merchantId, Channel channel) {
        return jdbc.sql("select number from channel_number where merchant_id = ? and channel = ? order by created_at, number")
                .params(merchantId, channel.name()).query(String.class).list();
    }

    List<WhatsAppAccount.WhatsAppNumber> whatsappNumbers(UUID merchantId) {
        return jdbc.sql("""
                        select provider_ref, number from channel_number
                        where merchant_id = ? and channel = 'WHATSAPP' order by created_at, number""")
                .param(merchantId)
                .query((rs, n) -> new WhatsAppAccount.WhatsAppNumber(rs.getString("provider_ref"), rs.getString("number")))
                .list();
    }

    /** Saves the account; a null {@code authToken} keeps the stored one. The numbers replace the merchant's pool. */
    @Transactional
    public void saveTwilio(UUID merchantId, String accountSid, @Nullable String authToken, List<String> numbers) {
        var now = Db.ts(clock.instant());
        int updated = authToken == null
                ? jdbc.sql("update channel_twilio_account set account_sid = ?, updated_at = ? where merchant_id = ?")
                        .params(accountSid, now, merchantId).update()
                : jdbc.sql("update channel_twilio_account set account_sid = ?, auth_token_enc = ?, updated_at = ? where merchant_id = ?")
                        .params(accountSid, seal(authToken, merchantId, "twilio.auth-token"), now, merchantId).update();
        if (updated == 0) {
            if (authToken == null) {
                throw new IllegalArgumentException("authToken");
            }
            jdbc.sql("insert into channel_twilio_account (merchant_id, account_sid, auth_token_enc, updated_at) values (?, ?, ?, ?)")
                    .params(merchantId, accountSid, seal(authToken, merchantId, "twilio.auth-token"), now).update();
        }
        replaceNumbers(merchantId, Channel.SMS, numbers.stream().map(n -> new WhatsAppAccount.WhatsAppNumber("", n)).toList());
    }

    /** Saves the WhatsApp set-up; each null secret keeps the stored one. The numbers replace the merchant's pool. */
    @Transactional
    public void saveWhatsApp(UUID merchantId, @Nullable String accessToken, @Nullable String appSecret,
            @Nullable String verifyToken, List<WhatsAppAccount.WhatsAppNumber> numbers) {
        var now = Db.ts(clock.instant());
        boolean exists = jdbc.sql("select count(*) from channel_whatsapp_account where merchant_id = ?").param(merchantId)
                .query(Integer.class).single() > 0;
        if (!exists) {
            jdbc.sql("insert into channel_whatsapp_account (merchant_id, updated_at) values (?, ?)").params(merchantId, now).update();
        }
        updateSecret(merchantId, "access_token_enc", "whatsapp.access-token", accessToken);
        updateSecret(merchantId, "app_secret_enc", "whatsapp.app-secret", appSecret);
        updateSecret(merchantId, "verify_token_enc", "whatsapp.verify-token", verifyToken);
        jdbc.sql("update channel_whatsapp_account set updated_at = ? where merchant_id = ?").params(now, merchantId).update();
        replaceNumbers(merchantId, Channel.WHATSAPP, numbers);
    }

    private void updateSecret(UUID merchantId, String column, String context, @Nullable String value) {
        if (value != null) {
            // column names are constants of this class, never input
            jdbc.sql("update channel_whatsapp_account set " + column + " = ? where merchant_id = ?")
                    .params(seal(value, merchantId, context), merchantId).update();
        }
    }

    private void replaceNumbers(UUID merchantId, Channel channel, List<WhatsAppAccount.WhatsAppNumber> numbers) {
        jdbc.sql("delete from channel_number where merchant_id = ? and channel = ?").params(merchantId, channel.name()).update();
        var at = clock.instant();
        for (int i = 0; i < numbers.size(); i++) {
            var number = numbers.get(i);
            jdbc.sql("insert into channel_number (channel, number, merchant_id, provider_ref, created_at) values (?, ?, ?, ?, ?)")
                    .params(channel.name(), number.number(), merchantId,
                            number.phoneNumberId().isEmpty() ? null : number.phoneNumberId(),
                            Db.ts(at.plusMillis(i))) // keeps the admin's order
                    .update();
        }
    }

    private String seal(String value, UUID merchantId, String field) {
        return keys.box().seal(value, merchantId + "/" + field);
    }

    private @Nullable String open(@Nullable String sealed, UUID merchantId, String field) {
        return sealed == null ? null : keys.box().open(sealed, merchantId + "/" + field);
    }
}
