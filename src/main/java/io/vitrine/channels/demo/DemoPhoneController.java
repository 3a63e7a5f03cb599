package io.vitrine.channels.demo;

import io.vitrine.channels.Channel;
import io.vitrine.channels.internal.ChannelAccounts;
import io.vitrine.channels.internal.WebhookPaths;
import io.vitrine.merchant.MerchantApi;
import io.vitrine.shared.DemoOnly;
import io.vitrine.shared.DomainException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The shopper's demo phone: what the demo provider delivered to a number, and the shopper's replies, which go to
 * Vitrine's real webhooks signed with the merchant's configured secret, exactly as Twilio and Meta would send them.
 */
@RestController
@DemoOnly
@RequestMapping("/demo/phone/messages")
class DemoPhoneController {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final String E164 = "\\+[1-9][0-9]{6,14}";

    private final DemoMessages messages;
    private final ChannelAccounts accounts;
    private final MerchantApi merchants;
    private final DemoCallbacks callbacks;
    private final Clock clock;

    DemoPhoneController(DemoMessages messages, ChannelAccounts accounts, MerchantApi merchants, DemoCallbacks callbacks,
            Clock clock) {
        this.messages = messages;
        this.accounts = accounts;
        this.merchants = merchants;
        this.callbacks = callbacks;
        this.clock = clock;
    }

    record Shown(String id, Channel channel, String direction, String businessNumber, String body, String mediaUrl,
            String linkUrl, String templateName, String quickReply, String status, Instant at) {}

    record Reply(@NotBlank @Pattern(regexp = E164, message = "must be a number in E.164 form, like +15550123456") String from,
            @NotBlank @Pattern(regexp = E164, message = "must be a number in E.164 form, like +15550100100") String to,
            @NotNull Channel channel,
            @NotBlank @Size(max = 1600) String text,
            @Size(max = 256) String quickReply) {}

    @GetMapping
    List<Shown> list(@RequestParam String number) {
        if (!number.matches(E164)) {
            throw DomainException.invalidField("number", "must be a number in E.164 form, like +15550123456");
        }
        return messages.ofShopper(number).stream().map(m -> new Shown(m.providerMessageId(), m.channel(),
                m.direction().name(), m.businessNumber(), m.body(), m.mediaUrl(), m.linkUrl(), m.templateName(),
                m.quickReply(), m.status(), m.at())).toList();
    }

    /** Sends the shopper's reply through the provider's webhook; answers what the webhook answered. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> reply(@Valid @RequestBody Reply reply) {
        UUID merchantId = accounts.merchantOfNumber(reply.channel(), reply.to()).orElseThrow(() ->
                DomainException.invalidField("to", "No merchant has set up " + reply.to() + " for " + reply.channel() + "."));
        String slug = merchants.get(merchantId).slug();
        var sent = reply.channel() == Channel.SMS ? sms(merchantId, slug, reply) : whatsapp(merchantId, slug, reply);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", sent.id());
        answer.put("webhookStatus", sent.result().status());
        answer.put("accepted", sent.result().status() / 100 == 2);
        return answer;
    }

    private record Sent(String id, DemoCallbacks.Result result) {}

    private Sent sms(UUID merchantId, String slug, Reply reply) {
        var account = accounts.twilio(merchantId).orElseThrow(() -> DomainException.invalidField("to", "No Twilio account."));
        String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
        Map<String, String> params = new LinkedHashMap<>();
        params.put("ToCountry", "US");
        params.put("SmsMessageSid", sid);
        params.put("NumMedia", "0");
        params.put("SmsSid", sid);
        params.put("SmsStatus", "received");
        params.put("Body", reply.text());
        params.put("To", reply.to());
        params.put("NumSegments", "1");
        params.put("MessageSid", sid);
        params.put("AccountSid", account.accountSid());
        params.put("From", reply.from());
        params.put("ApiVersion", "2010-04-01");
        keep(merchantId, reply, sid);
        var result = callbacks.twilio(WebhookPaths.twilioInbound(slug), params, account.authToken());
        messages.setStatus(sid, result.status() / 100 == 2 ? "received" : "refused");
        return new Sent(sid, result);
    }

    private Sent whatsapp(UUID merchantId, String slug, Reply reply) {
        var account = accounts.whatsapp(merchantId).filter(a -> a.appSecret() != null)
                .orElseThrow(() -> DomainException.invalidField("to", "No WhatsApp app secret."));
        var business = account.byNumber(reply.to()).orElseThrow();
        String wamid = "wamid." + java.util.Base64.getEncoder().withoutPadding()
                .encodeToString(UUID.randomUUID().toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        String shopper = reply.from().substring(1);
        ObjectNode value = JSON.createObjectNode().put("messaging_product", "whatsapp");
        value.putObject("metadata").put("display_phone_number", business.number().substring(1))
                .put("phone_number_id", business.phoneNumberId());
        value.putArray("contacts").addObject().put("wa_id", shopper).putObject("profile").put("name", "Demo shopper");
        ObjectNode message = value.putArray("messages").addObject().put("from", shopper).put("id", wamid)
                .put("timestamp", String.valueOf(clock.instant().getEpochSecond()));
        if (reply.quickReply() != null && !reply.quickReply().isBlank()) {
            message.put("type", "button").putObject("button").put("payload", reply.quickReply()).put("text", reply.text());
        } else {
            message.put("type", "text").putObject("text").put("body", reply.text());
        }
        keep(merchantId, reply, wamid);
        var result = callbacks.meta(WebhookPaths.whatsapp(slug), DemoNotifications.wrap(value), account.appSecret());
        messages.setStatus(wamid, result.status() / 100 == 2 ? "received" : "refused");
        return new Sent(wamid, result);
    }

    private void keep(UUID merchantId, Reply reply, String providerId) {
        messages.add(new DemoMessage(UUID.randomUUID(), merchantId, reply.channel(), DemoMessage.Direction.FROM_SHOPPER,
                reply.to(), reply.from(), reply.text(), null, null, null, null, providerId, "sending", clock.instant()));
    }
}
