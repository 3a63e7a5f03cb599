package io.vitrine.channels.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vitrine.channels.internal.WhatsAppWebhooks;
import io.vitrine.merchant.MerchantApi;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The WhatsApp Cloud API's webhook (Callback URL of the Meta app, docs/channels.md). */
@Tag(name = "Channel webhooks")
@RestController
@RequestMapping("/api/v1/channels/whatsapp/{merchant}")
class WhatsAppWebhookController {

    private final WhatsAppWebhooks webhooks;
    private final MerchantApi merchants;
    private final WebhookRequests requests;

    WhatsAppWebhookController(WhatsAppWebhooks webhooks, MerchantApi merchants, WebhookRequests requests) {
        this.webhooks = webhooks;
        this.merchants = merchants;
        this.requests = requests;
    }

    @Operation(summary = "Meta's verification request: answers hub.challenge when hub.verify_token is the merchant's")
    @GetMapping(produces = MediaType.TEXT_PLAIN_VALUE)
    String verify(@PathVariable String merchant, HttpServletRequest request,
            @RequestParam(name = "hub.mode", required = false) String mode,
            @RequestParam(name = "hub.verify_token", required = false) String token,
            @RequestParam(name = "hub.challenge", required = false) String challenge) {
        var merchantId = merchants.requireBySlug(merchant).id();
        String[] answer = new String[1];
        requests.guarded("meta", merchant, request,
                () -> answer[0] = webhooks.verifySubscription(merchantId, mode, token, challenge));
        return answer[0];
    }

    @Operation(summary = "Meta's notifications of messages and statuses (X-Hub-Signature-256)")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> notification(@PathVariable String merchant, HttpServletRequest request,
            @RequestHeader(name = "X-Hub-Signature-256", required = false) String signature, @RequestBody byte[] body) {
        var merchantId = merchants.requireBySlug(merchant).id();
        requests.guarded("meta", merchant, request, () -> webhooks.notification(merchantId, body, signature));
        return ResponseEntity.ok().build();
    }
}
