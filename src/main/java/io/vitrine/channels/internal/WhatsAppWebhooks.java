package io.vitrine.channels.internal;

import io.vitrine.channels.Channel;
import io.vitrine.channels.DeliveryState;
import io.vitrine.channels.DeliveryStatusChanged;
import io.vitrine.channels.InboundMessage;
import io.vitrine.shared.DomainException;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The WhatsApp Cloud API's webhook: the subscription handshake, and notifications verified with the app secret
 * (X-Hub-Signature-256 over the raw body). Messages and statuses of the merchant's phone-number IDs are published as
 * module events; a notification carrying any event seen before is a replay and is refused whole.
 */
@Service
public class WhatsAppWebhooks {

    private static final Logger LOG = LoggerFactory.getLogger(WhatsAppWebhooks.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ChannelAccounts accounts;
    private final WebhookReceipts receipts;
    private final OutboundLedger ledger;
    private final ProviderEndpoints endpoints;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    WhatsAppWebhooks(ChannelAccounts accounts, WebhookReceipts receipts, OutboundLedger ledger, ProviderEndpoints endpoints,
            ApplicationEventPublisher events, Clock clock) {
        this.accounts = accounts;
        this.receipts = receipts;
        this.ledger = ledger;
        this.endpoints = endpoints;
        this.events = events;
        this.clock = clock;
    }

    /** The GET handshake: answers the challenge when the mode is subscribe and the verify token is the merchant's. */
    public String verifySubscription(UUID merchantId, @Nullable String mode, @Nullable String token, @Nullable String challenge) {
        String expected = accounts.whatsapp(merchantId).map(WhatsAppAccount::verifyToken)
                .orElseThrow(() -> WebhookRefused.notConfigured("WhatsApp verify token"));
        if (!"subscribe".equals(mode) || token == null || challenge == null
                || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
            throw WebhookRefused.forged();
        }
        return challenge;
    }

    @Transactional
    public void notification(UUID merchantId, byte[] body, @Nullable String signature) {
        WhatsAppAccount account = accounts.whatsapp(merchantId).filter(a -> a.appSecret() != null)
                .orElseThrow(() -> WebhookRefused.notConfigured("WhatsApp app secret"));
        if (signature == null || signature.isBlank()) {
            throw WebhookRefused.unsigned();
        }
        if (!MetaSignature.valid(account.appSecret(), body, signature)) {
            throw WebhookRefused.forged();
        }
        JsonNode root = parse(body);
        for (JsonNode entry : root.path("entry")) {
            for (JsonNode change : entry.path("changes")) {
                if ("messages".equals(change.path("field").asString(""))) {
                    change(account, change.path("value"));
                }
            }
        }
    }

    private void change(WhatsAppAccount account, JsonNode value) {
        String phoneNumberId = value.path("metadata").path("phone_number_id").asString("");
        var number = account.byPhoneNumberId(phoneNumberId);
        if (number.isEmpty()) {
            LOG.warn("WhatsApp webhook of merchant {} for phone-number ID {} that is not theirs: ignored",
                    account.merchantId(), LogText.safe(phoneNumberId));
            return;
        }
        for (JsonNode message : value.path("messages")) {
            String id = required(message, "id");
            receipts.accept("meta", "in:" + id, account.merchantId());
            events.publishEvent(new InboundMessage(account.merchantId(), Channel.WHATSAPP, "+" + required(message, "from"),
                    number.get().number(), text(message), media(message), id, at(message)));
        }
        for (JsonNode status : value.path("statuses")) {
            String id = required(status, "id");
            String state = required(status, "status");
            receipts.accept("meta", "status:" + id + ":" + state, account.merchantId());
            DeliveryState delivery = DeliveryState.fromProvider(state);
            if (delivery != null) {
                ledger.updateStatus(account.merchantId(), id, delivery);
                events.publishEvent(new DeliveryStatusChanged(account.merchantId(), Channel.WHATSAPP, id, delivery,
                        reason(status)));
            }
        }
    }

    /** The text a shopper sent: the body, a button's payload, an interactive reply's title, or a media caption. */
    private static String text(JsonNode message) {
        String type = message.path("type").asString("");
        return switch (type) {
            case "text" -> message.path("text").path("body").asString("");
            case "button" -> message.path("button").path("payload").asString(message.path("button").path("text").asString(""));
            case "interactive" -> {
                JsonNode reply = message.path("interactive").path("button_reply");
                if (reply.isMissingNode()) {
                    reply = message.path("interactive").path("list_reply");
                }
                yield reply.path("title").asString(reply.path("id").asString(""));
            }
            default -> message.path(type).path("caption").asString("");
        };
    }

    /** Media arrive as IDs; their Graph API URL answers the download URL for the merchant's access token. */
    private List<String> media(JsonNode message) {
        List<String> urls = new ArrayList<>();
        String type = message.path("type").asString("");
        String mediaId = message.path(type).path("id").asString("");
        if (List.of("image", "video", "audio", "document", "sticker").contains(type) && !mediaId.isEmpty()) {
            urls.add(endpoints.metaBase() + "/" + mediaId);
        }
        return urls;
    }

    private Instant at(JsonNode message) {
        String timestamp = message.path("timestamp").asString("");
        try {
            return Instant.ofEpochSecond(Long.parseLong(timestamp));
        } catch (NumberFormatException e) {
            return clock.instant();
        }
    }

    private static @Nullable String reason(JsonNode status) {
        JsonNode error = status.path("errors").path(0);
        if (error.isMissingNode()) {
            return null;
        }
        String details = error.path("error_data").path("details").asString("");
        return (error.path("code").asString("") + " " + error.path("title").asString("")
                + (details.isBlank() ? "" : ": " + details)).strip();
    }

    private static String required(JsonNode node, String field) {
        String value = node.path(field).asString("");
        if (value.isBlank()) {
            throw DomainException.invalidField(field, "WhatsApp sends " + field + " with every message and status.");
        }
        return value;
    }

    private static JsonNode parse(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (RuntimeException e) {
            throw DomainException.invalid("The notification is not JSON.");
        }
    }
}
