package io.vitrine.channels.internal;

import io.vitrine.channels.Channel;
import io.vitrine.channels.ChannelFailure;
import io.vitrine.channels.DeliveryState;
import io.vitrine.channels.ProviderMessage;
import io.vitrine.channels.SmsGateway;
import io.vitrine.merchant.MerchantApi;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Twilio's Messaging API: {@code POST /2010-04-01/Accounts/{AccountSid}/Messages.json}, form-encoded, HTTP Basic with
 * the Account SID and Auth Token, with a StatusCallback to Vitrine's signed status webhook.
 */
@Component
class TwilioSmsGateway implements SmsGateway {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ChannelAccounts accounts;
    private final OutboundLedger ledger;
    private final ProviderHttp http;
    private final ProviderEndpoints endpoints;
    private final MerchantApi merchants;

    TwilioSmsGateway(ChannelAccounts accounts, OutboundLedger ledger, ProviderHttp http, ProviderEndpoints endpoints,
            MerchantApi merchants) {
        this.accounts = accounts;
        this.ledger = ledger;
        this.http = http;
        this.endpoints = endpoints;
        this.merchants = merchants;
    }

    @Override
    public ProviderMessage send(UUID merchantId, String fromNumber, String toNumber, String text, String idempotencyKey) {
        var earlier = ledger.find(merchantId, idempotencyKey);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        TwilioAccount account = accounts.twilio(merchantId).orElseThrow(() -> new ChannelFailure(
                ChannelFailure.Reason.NOT_CONFIGURED, null, "No Twilio account is configured for SMS."));
        if (!account.numbers().contains(fromNumber)) {
            throw new ChannelFailure(ChannelFailure.Reason.NOT_CONFIGURED, null,
                    fromNumber + " is not one of the merchant's Twilio numbers.");
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("To", toNumber);
        form.put("From", fromNumber);
        form.put("Body", text);
        endpoints.callback(WebhookPaths.twilioStatus(merchants.get(merchantId).slug()))
                .ifPresent(url -> form.put("StatusCallback", url));
        String url = endpoints.twilioBase() + "/2010-04-01/Accounts/" + account.accountSid() + "/Messages.json";
        var response = http.post(url, Map.of("Authorization", basic(account)), "application/x-www-form-urlencoded",
                ProviderHttp.form(form));
        if (response.status() != 200 && response.status() != 201) {
            throw TwilioErrors.of(response.status(), response.body());
        }
        JsonNode message = JSON.readTree(response.body());
        DeliveryState state = DeliveryState.fromProvider(message.path("status").asString("queued"));
        var accepted = new ProviderMessage(message.path("sid").asString(), state == null ? DeliveryState.QUEUED : state);
        return ledger.record(merchantId, idempotencyKey, Channel.SMS, accepted);
    }

    private static String basic(TwilioAccount account) {
        String pair = account.accountSid() + ":" + account.authToken();
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }
}
