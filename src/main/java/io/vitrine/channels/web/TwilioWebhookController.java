package io.vitrine.channels.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vitrine.channels.internal.TwilioWebhooks;
import io.vitrine.channels.internal.WebhookPaths;
import io.vitrine.merchant.MerchantApi;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Twilio calls these for each SMS to a proxy number and each status change of a sent one (docs/channels.md). */
@Tag(name = "Channel webhooks", description = "Called by Twilio and Meta, verified by their signatures")
@RestController
@RequestMapping("/api/v1/channels/twilio/{merchant}")
class TwilioWebhookController {

    private static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>";

    private final TwilioWebhooks webhooks;
    private final MerchantApi merchants;
    private final WebhookRequests requests;

    TwilioWebhookController(TwilioWebhooks webhooks, MerchantApi merchants, WebhookRequests requests) {
        this.webhooks = webhooks;
        this.merchants = merchants;
        this.requests = requests;
    }

    @Operation(summary = "Twilio's incoming-message webhook (X-Twilio-Signature)",
            description = "Answers empty TwiML: Vitrine replies through the Messaging API, never inline.")
    @PostMapping(path = "/messages", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> inbound(@PathVariable String merchant, HttpServletRequest request) {
        var merchantId = merchants.requireBySlug(merchant).id();
        requests.guarded("twilio", merchant, request,
                () -> webhooks.inbound(merchantId, requests.twilio(request, WebhookPaths.twilioInbound(merchant))));
        return ResponseEntity.ok().contentType(MediaType.TEXT_XML).body(EMPTY_TWIML);
    }

    @Operation(summary = "Twilio's status callback for sent messages (X-Twilio-Signature)")
    @PostMapping(path = "/status", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<Void> status(@PathVariable String merchant, HttpServletRequest request) {
        var merchantId = merchants.requireBySlug(merchant).id();
        requests.guarded("twilio", merchant, request,
                () -> webhooks.status(merchantId, requests.twilio(request, WebhookPaths.twilioStatus(merchant))));
        return ResponseEntity.noContent().build();
    }
}
