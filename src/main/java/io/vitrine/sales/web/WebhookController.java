package io.vitrine.sales.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vitrine.sales.Order;
import io.vitrine.sales.internal.WebhookService;
import java.util.UUID;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Order webhooks", description = "Orders placed on the merchant's shop, sent back for attribution; "
        + "authenticated by the signature made with the merchant's webhook secret")
@RestController
@SecurityRequirements
class WebhookController {

    /** What the shop learns: our id and number of the order, nothing else. */
    record Received(UUID id, long number) {
        static Received of(Order order) {
            return new Received(order.id(), order.number());
        }
    }

    private final WebhookService webhooks;

    WebhookController(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    @Operation(summary = "Shopify orders/create webhook",
            description = "Verifies X-Shopify-Hmac-Sha256 (base64 HMAC-SHA256 of the raw body with the merchant's "
                    + "Shopify secret), refuses a webhook id seen before and an X-Shopify-Triggered-At outside the "
                    + "tolerance. Attribution from the order's note_attributes vitrine_dialog, vitrine_expert, vitrine_share.")
    @ApiResponse(responseCode = "200", description = "the order is stored (or was already, for the same Shopify order)")
    @ApiResponse(responseCode = "401", description = "unsigned, forged or too old (webhook_unsigned, webhook_signature_invalid, webhook_too_old)")
    @ApiResponse(responseCode = "409", description = "this webhook id was received before (webhook_replayed)")
    @PostMapping("/api/v1/webhooks/shopify/{merchant}/orders")
    Received shopify(@Parameter(description = "the merchant's slug or id") @PathVariable String merchant,
            @RequestBody byte[] body,
            @RequestHeader(name = "X-Shopify-Hmac-Sha256", required = false) String hmac,
            @RequestHeader(name = "X-Shopify-Webhook-Id", required = false) String webhookId,
            @RequestHeader(name = "X-Shopify-Triggered-At", required = false) String triggeredAt) {
        return Received.of(webhooks.shopify(merchant, body, hmac, webhookId, triggeredAt));
    }

    @Operation(summary = "Generic signed order webhook",
            description = "Header Vitrine-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of \"<t>.<raw body>\" with the "
                    + "merchant's Vitrine webhook secret>. Refused outside the tolerance window (5 minutes) and when the "
                    + "same signature comes twice. The body is described in docs/sales.md.")
    @ApiResponse(responseCode = "200", description = "the order is stored (or updated, for the same order id)")
    @ApiResponse(responseCode = "401", description = "unsigned, forged or too old")
    @ApiResponse(responseCode = "409", description = "the same delivery was received before (webhook_replayed)")
    @PostMapping("/api/v1/webhooks/orders/{merchant}")
    Received vitrine(@Parameter(description = "the merchant's slug or id") @PathVariable String merchant,
            @RequestBody byte[] body,
            @RequestHeader(name = "Vitrine-Signature", required = false) String signature) {
        return Received.of(webhooks.vitrine(merchant, body, signature));
    }
}
