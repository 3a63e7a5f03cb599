package io.vitrine.channels.demo;

import io.vitrine.channels.Channel;
import io.vitrine.channels.CustomerServiceWindow;
import io.vitrine.channels.internal.ChannelAccounts;
import io.vitrine.channels.internal.ProviderEndpoints;
import io.vitrine.channels.internal.WebhookPaths;
import io.vitrine.channels.internal.WhatsAppAccount;
import io.vitrine.merchant.MerchantApi;
import io.vitrine.shared.DemoOnly;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The WhatsApp Cloud API's {@code POST /v{version}/{phone-number-id}/messages}, for demo mode: checks the Bearer
 * token, keeps the message for the shopper's demo phone and answers the documented JSON. Then, as Meta does, it
 * reports the message's fate to the merchant's webhook: sent and delivered, or failed with 131047 when a free-form
 * message was sent outside the shopper's 24-hour window.
 */
@RestController
@DemoOnly
@RequestMapping(ProviderEndpoints.DEMO_META + "/v{version}/{phoneNumberId}")
class DemoMetaController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ChannelAccounts accounts;
    private final MerchantApi merchants;
    private final DemoMessages messages;
    private final DemoCallbacks callbacks;
    private final Clock clock;

    DemoMetaController(ChannelAccounts accounts, MerchantApi merchants, DemoMessages messages, DemoCallbacks callbacks,
            Clock clock) {
        this.accounts = accounts;
        this.merchants = merchants;
        this.messages = messages;
        this.callbacks = callbacks;
        this.clock = clock;
    }

    @PostMapping(path = "/messages", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> send(@PathVariable String phoneNumberId,
            @RequestHeader(name = "Authorization", required = false) String authorization, @RequestBody String body) {
        Optional<WhatsAppAccount> account = accounts.merchantOfPhoneNumberId(phoneNumberId).flatMap(accounts::whatsapp)
                .filter(a -> bearer(a, authorization));
        if (account.isEmpty()) {
            return error(HttpStatus.UNAUTHORIZED, 190, "Invalid OAuth access token - Cannot parse access token");
        }
        JsonNode message;
        try {
            message = JSON.readTree(body);
        } catch (RuntimeException e) {
            return error(HttpStatus.BAD_REQUEST, 100, "Invalid parameter");
        }
        String to = message.path("to").asString("");
        String type = message.path("type").asString("");
        if (!"whatsapp".equals(message.path("messaging_product").asString("")) || !to.matches("[1-9][0-9]{6,14}")
                || !java.util.List.of("text", "template", "interactive").contains(type)) {
            return error(HttpStatus.BAD_REQUEST, 100, "Invalid parameter");
        }
        var business = account.get().byPhoneNumberId(phoneNumberId).orElseThrow();
        String shopper = "+" + to;
        String wamid = "wamid." + java.util.Base64.getEncoder().withoutPadding()
                .encodeToString(UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII));
        boolean windowClosed = !"template".equals(type) && new CustomerServiceWindow(lastInbound(business.number(), shopper))
                .templatesOnly(clock.instant());
        messages.add(shown(account.get().merchantId(), business.number(), shopper, message, wamid, windowClosed ? "failed" : "accepted"));
        reportDelivery(account.get(), business, wamid, to, windowClosed);
        ObjectNode answer = JSON.createObjectNode().put("messaging_product", "whatsapp");
        answer.putArray("contacts").addObject().put("input", to).put("wa_id", to);
        answer.putArray("messages").addObject().put("id", wamid).put("message_status", "accepted");
        return ResponseEntity.ok(JSON.writeValueAsString(answer));
    }

    private java.time.Instant lastInbound(String business, String shopper) {
        return messages.fromShopper(Channel.WHATSAPP, business, shopper).stream().findFirst().map(DemoMessage::at).orElse(null);
    }

    private DemoMessage shown(UUID merchantId, String business, String shopper, JsonNode message, String wamid, String status) {
        String type = message.path("type").asString();
        String text = null;
        String media = null;
        String link = null;
        String template = null;
        String quickReply = null;
        switch (type) {
            case "text" -> text = message.path("text").path("body").asString("");
            case "interactive" -> {
                JsonNode interactive = message.path("interactive");
                text = interactive.path("body").path("text").asString("");
                media = interactive.path("header").path("image").path("link").asString(null);
                link = interactive.path("action").path("parameters").path("url").asString(null);
            }
            default -> {
                JsonNode body = message.path("template");
                template = body.path("name").asString("");
                StringBuilder values = new StringBuilder();
                for (JsonNode component : body.path("components")) {
                    for (JsonNode parameter : component.path("parameters")) {
                        if (parameter.has("text")) {
                            values.append(values.isEmpty() ? "" : " · ").append(parameter.path("text").asString());
                        }
                        if (parameter.has("payload")) {
                            quickReply = parameter.path("payload").asString();
                        }
                    }
                }
                text = values.toString();
            }
        }
        return new DemoMessage(UUID.randomUUID(), merchantId, Channel.WHATSAPP, DemoMessage.Direction.TO_SHOPPER, business,
                shopper, text, media, link, template, quickReply, wamid, status, clock.instant());
    }

    private void reportDelivery(WhatsAppAccount account, WhatsAppAccount.WhatsAppNumber business, String wamid, String to,
            boolean windowClosed) {
        if (account.appSecret() == null) {
            return;
        }
        String path = WebhookPaths.whatsapp(merchants.get(account.merchantId()).slug());
        callbacks.afterwards(() -> {
            for (String status : windowClosed ? new String[] {"failed"} : new String[] {"sent", "delivered"}) {
                messages.setStatus(wamid, status);
                ObjectNode value = JSON.createObjectNode().put("messaging_product", "whatsapp");
                value.putObject("metadata").put("display_phone_number", business.number().substring(1))
                        .put("phone_number_id", business.phoneNumberId());
                ObjectNode report = value.putArray("statuses").addObject().put("id", wamid).put("status", status)
                        .put("timestamp", String.valueOf(clock.instant().getEpochSecond())).put("recipient_id", to);
                if (windowClosed) {
                    report.putArray("errors").addObject().put("code", 131047).put("title", "Re-engagement message")
                            .put("message", "Re-engagement message").putObject("error_data").put("details",
                                    "Message failed to send because more than 24 hours have passed since the customer last replied to this number.");
                }
                callbacks.meta(path, DemoNotifications.wrap(value), account.appSecret());
            }
        });
    }

    private static boolean bearer(WhatsAppAccount account, String authorization) {
        return account.accessToken() != null && authorization != null && MessageDigest.isEqual(
                ("Bearer " + account.accessToken()).getBytes(StandardCharsets.UTF_8), authorization.getBytes(StandardCharsets.UTF_8));
    }

    private static ResponseEntity<String> error(HttpStatus status, int code, String message) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("error").put("message", message).put("type", "OAuthException").put("code", code)
                .put("fbtrace_id", "demo");
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(JSON.writeValueAsString(body));
    }
}
