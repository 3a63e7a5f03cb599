package io.vitrine.channels.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A merchant's channel set-up as the admin sees it: account ids, numbers and which secrets are set, never the
 * secrets; plus the webhook URLs to configure at the providers.
 */
public record ChannelSettings(Twilio twilio, WhatsApp whatsapp, Webhooks webhooks) {

    public record Twilio(@Nullable String accountSid, boolean authTokenSet, List<String> numbers) {}

    public record WhatsApp(List<WhatsAppAccount.WhatsAppNumber> numbers, boolean accessTokenSet, boolean appSecretSet,
            boolean verifyTokenSet) {}

    /** Absolute URLs when Vitrine knows its public address, else paths. */
    public record Webhooks(String twilioMessages, String twilioStatus, String whatsapp) {}
}
