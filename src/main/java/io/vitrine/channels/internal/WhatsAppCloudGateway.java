package io.vitrine.channels.internal;

import io.vitrine.channels.Channel;
import io.vitrine.channels.ChannelFailure;
import io.vitrine.channels.DeliveryState;
import io.vitrine.channels.ProviderMessage;
import io.vitrine.channels.WhatsAppGateway;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The WhatsApp Cloud API: {@code POST /v{version}/{phone-number-id}/messages} with the merchant's access token as a
 * Bearer token and a JSON message (text, template, or an interactive cta_url message with an image header).
 */
@Component
class WhatsAppCloudGateway implements WhatsAppGateway {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ChannelAccounts accounts;
    private final OutboundLedger ledger;
    private final ProviderHttp http;
    private final ProviderEndpoints endpoints;

    WhatsAppCloudGateway(ChannelAccounts accounts, OutboundLedger ledger, ProviderHttp http, ProviderEndpoints endpoints) {
        this.accounts = accounts;
        this.ledger = ledger;
        this.http = http;
        this.endpoints = endpoints;
    }

    @Override
    public ProviderMessage sendText(UUID merchantId, String fromNumber, String toNumber, String text, String idempotencyKey) {
        ObjectNode message = envelope(toNumber, "text");
        message.putObject("text").put("preview_url", true).put("body", text);
        return send(merchantId, fromNumber, message, idempotencyKey);
    }

    @Override
    public ProviderMessage sendTemplate(UUID merchantId, String fromNumber, String toNumber, Template template,
            String idempotencyKey) {
        ObjectNode message = envelope(toNumber, "template");
        ObjectNode body = message.putObject("template").put("name", template.name());
        body.putObject("language").put("code", template.language());
        ArrayNode components = body.putArray("components");
        if (!template.bodyParameters().isEmpty()) {
            ArrayNode parameters = components.addObject().put("type", "body").putArray("parameters");
            template.bodyParameters().forEach(value -> parameters.addObject().put("type", "text").put("text", value));
        }
        if (template.quickReplyPayload() != null) {
            components.addObject().put("type", "button").put("sub_type", "quick_reply").put("index", "0")
                    .putArray("parameters").addObject().put("type", "payload").put("payload", template.quickReplyPayload());
        }
        return send(merchantId, fromNumber, message, idempotencyKey);
    }

    @Override
    public ProviderMessage sendImageCta(UUID merchantId, String fromNumber, String toNumber, ImageCta card,
            String idempotencyKey) {
        ObjectNode message = envelope(toNumber, "interactive");
        ObjectNode interactive = message.putObject("interactive").put("type", "cta_url");
        interactive.putObject("header").put("type", "image").putObject("image").put("link", card.imageUrl());
        interactive.putObject("body").put("text", card.text());
        interactive.putObject("action").put("name", "cta_url").putObject("parameters")
                .put("display_text", card.buttonText()).put("url", card.url());
        return send(merchantId, fromNumber, message, idempotencyKey);
    }

    private static ObjectNode envelope(String toNumber, String type) {
        // The Cloud API takes the recipient's number without the leading +.
        return JSON.createObjectNode().put("messaging_product", "whatsapp").put("recipient_type", "individual")
                .put("to", toNumber.startsWith("+") ? toNumber.substring(1) : toNumber).put("type", type);
    }

    private ProviderMessage send(UUID merchantId, String fromNumber, ObjectNode message, String idempotencyKey) {
        var earlier = ledger.find(merchantId, idempotencyKey);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        WhatsAppAccount account = accounts.whatsapp(merchantId).filter(a -> a.accessToken() != null)
                .orElseThrow(() -> new ChannelFailure(ChannelFailure.Reason.NOT_CONFIGURED, null,
                        "No WhatsApp access token is configured."));
        var from = account.byNumber(fromNumber).orElseThrow(() -> new ChannelFailure(ChannelFailure.Reason.NOT_CONFIGURED,
                null, fromNumber + " is not one of the merchant's WhatsApp numbers."));
        String url = endpoints.metaBase() + "/" + from.phoneNumberId() + "/messages";
        var response = http.post(url, Map.of("Authorization", "Bearer " + account.accessToken()), "application/json",
                JSON.writeValueAsString(message));
        if (response.status() != 200) {
            throw MetaErrors.of(response.status(), response.body());
        }
        JsonNode accepted = JSON.readTree(response.body()).path("messages").path(0);
        String id = accepted.path("id").asString("");
        if (id.isEmpty()) {
            throw new ChannelFailure(ChannelFailure.Reason.REJECTED, null, "The Cloud API accepted no message");
        }
        // message_status "held_for_quality_assessment" and "paused" are still waiting, like "accepted"
        return ledger.record(merchantId, idempotencyKey, Channel.WHATSAPP, new ProviderMessage(id, DeliveryState.QUEUED));
    }
}
