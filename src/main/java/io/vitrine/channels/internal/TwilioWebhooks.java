package io.vitrine.channels.internal;

import io.vitrine.channels.Channel;
import io.vitrine.channels.DeliveryState;
import io.vitrine.channels.DeliveryStatusChanged;
import io.vitrine.channels.InboundMessage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Twilio's inbound-message webhook and status callbacks: verified with the merchant's Auth Token, deduplicated by
 * MessageSid (and status), published as module events in the same transaction as the receipt.
 */
@Service
public class TwilioWebhooks {

    private final ChannelAccounts accounts;
    private final WebhookReceipts receipts;
    private final OutboundLedger ledger;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TwilioWebhooks(ChannelAccounts accounts, WebhookReceipts receipts, OutboundLedger ledger,
            ApplicationEventPublisher events, Clock clock) {
        this.accounts = accounts;
        this.receipts = receipts;
        this.ledger = ledger;
        this.events = events;
        this.clock = clock;
    }

    /** A request as received: the URL Twilio signed, the POST parameters and the X-Twilio-Signature header. */
    public record Signed(String url, Map<String, List<String>> params, @Nullable String signature) {

        @Nullable String first(String name) {
            List<String> values = params.get(name);
            return values == null || values.isEmpty() ? null : values.getFirst();
        }

        String required(String name) {
            String value = first(name);
            if (value == null || value.isBlank()) {
                throw io.vitrine.shared.DomainException.invalidField(name, "Twilio sends " + name + " with every request.");
            }
            return value;
        }
    }

    @Transactional
    public void inbound(UUID merchantId, Signed request) {
        verify(merchantId, request);
        String sid = request.required("MessageSid");
        receipts.accept("twilio", "in:" + sid, merchantId);
        int media = parseCount(request.first("NumMedia"));
        List<String> mediaUrls = new ArrayList<>();
        for (int i = 0; i < media; i++) {
            String url = request.first("MediaUrl" + i);
            if (url != null) {
                mediaUrls.add(url);
            }
        }
        String body = request.first("Body");
        events.publishEvent(new InboundMessage(merchantId, Channel.SMS, request.required("From"), request.required("To"),
                body == null ? "" : body, mediaUrls, sid, clock.instant()));
    }

    @Transactional
    public void status(UUID merchantId, Signed request) {
        verify(merchantId, request);
        String sid = request.required("MessageSid");
        String status = request.required("MessageStatus");
        receipts.accept("twilio", "status:" + sid + ":" + status, merchantId);
        DeliveryState state = DeliveryState.fromProvider(status);
        if (state == null) {
            return; // a status Vitrine does not track (e.g. "receiving"); recorded, nothing to tell
        }
        ledger.updateStatus(merchantId, sid, state);
        String code = request.first("ErrorCode");
        String reason = code == null || code.isBlank() ? null : code + " " + TwilioDeliveryErrors.describe(code);
        events.publishEvent(new DeliveryStatusChanged(merchantId, Channel.SMS, sid, state, reason));
    }

    private void verify(UUID merchantId, Signed request) {
        TwilioAccount account = accounts.twilioCredentials(merchantId).orElseThrow(() -> WebhookRefused.notConfigured("Twilio account"));
        if (request.signature() == null || request.signature().isBlank()) {
            throw WebhookRefused.unsigned();
        }
        if (!TwilioSignature.valid(account.authToken(), request.url(), request.params(), request.signature())) {
            throw WebhookRefused.forged();
        }
        String accountSid = request.first("AccountSid");
        if (accountSid != null && !accountSid.equals(account.accountSid())) {
            throw WebhookRefused.forged();
        }
    }

    private static int parseCount(@Nullable String value) {
        try {
            return value == null ? 0 : Math.min(10, Math.max(0, Integer.parseInt(value.strip())));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
