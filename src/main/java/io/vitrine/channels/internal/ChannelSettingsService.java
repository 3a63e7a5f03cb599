package io.vitrine.channels.internal;

import io.vitrine.channels.Channel;
import io.vitrine.channels.ChannelsApi;
import io.vitrine.merchant.MerchantApi;
import io.vitrine.shared.DomainException;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/** Reads and changes merchants' channel set-up; the admin API and other modules come through here. */
@Service
public class ChannelSettingsService implements ChannelsApi {

    private final ChannelAccounts accounts;
    private final MerchantApi merchants;
    private final ProviderEndpoints endpoints;

    ChannelSettingsService(ChannelAccounts accounts, MerchantApi merchants, ProviderEndpoints endpoints) {
        this.accounts = accounts;
        this.merchants = merchants;
        this.endpoints = endpoints;
    }

    @Override
    public List<String> numbers(UUID merchantId, Channel channel) {
        return accounts.numbers(merchantId, channel);
    }

    @Override
    public boolean configured(UUID merchantId, Channel channel) {
        return switch (channel) {
            case SMS -> accounts.twilio(merchantId).isPresent();
            case WHATSAPP -> accounts.whatsapp(merchantId).filter(a -> a.accessToken() != null).isPresent();
        };
    }

    public ChannelSettings settings(UUID merchantId) {
        var twilio = accounts.twilio(merchantId);
        var whatsapp = accounts.whatsapp(merchantId);
        String slug = merchants.get(merchantId).slug();
        return new ChannelSettings(
                new ChannelSettings.Twilio(twilio.map(TwilioAccount::accountSid).orElse(null), twilio.isPresent(),
                        accounts.numbers(merchantId, Channel.SMS)),
                new ChannelSettings.WhatsApp(accounts.whatsappNumbers(merchantId),
                        whatsapp.map(a -> a.accessToken() != null).orElse(false),
                        whatsapp.map(a -> a.appSecret() != null).orElse(false),
                        whatsapp.map(a -> a.verifyToken() != null).orElse(false)),
                new ChannelSettings.Webhooks(url(WebhookPaths.twilioInbound(slug)), url(WebhookPaths.twilioStatus(slug)),
                        url(WebhookPaths.whatsapp(slug))));
    }

    public void saveTwilio(UUID merchantId, String accountSid, @Nullable String authToken, List<String> numbers) {
        if (authToken == null && accounts.twilio(merchantId).isEmpty()) {
            throw DomainException.invalidField("authToken", "The Auth Token is needed the first time.");
        }
        distinct("numbers", numbers);
        try {
            accounts.saveTwilio(merchantId, accountSid, blankToNull(authToken), numbers);
        } catch (DuplicateKeyException taken) {
            throw DomainException.conflict("number_taken", "One of these numbers is already set up by another merchant.");
        }
    }

    public void saveWhatsApp(UUID merchantId, @Nullable String accessToken, @Nullable String appSecret,
            @Nullable String verifyToken, List<WhatsAppAccount.WhatsAppNumber> numbers) {
        distinct("numbers", numbers.stream().map(WhatsAppAccount.WhatsAppNumber::number).toList());
        distinct("numbers", numbers.stream().map(WhatsAppAccount.WhatsAppNumber::phoneNumberId).toList());
        try {
            accounts.saveWhatsApp(merchantId, blankToNull(accessToken), blankToNull(appSecret), blankToNull(verifyToken), numbers);
        } catch (DuplicateKeyException taken) {
            throw DomainException.conflict("number_taken", "One of these numbers is already set up by another merchant.");
        }
    }

    private String url(String path) {
        return endpoints.callback(path).orElse(path);
    }

    private static void distinct(String field, List<String> values) {
        if (new HashSet<>(values).size() != values.size()) {
            throw DomainException.invalidField(field, "Each number may appear once.");
        }
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
