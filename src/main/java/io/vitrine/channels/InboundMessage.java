package io.vitrine.channels;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A shopper's message that reached one of the merchant's proxy numbers, published only after the provider's
 * signature was verified. {@code from} is the shopper's number, {@code to} the proxy number (both E.164); a WhatsApp
 * quick-reply button arrives as its payload in {@code text}.
 */
public record InboundMessage(UUID merchantId, Channel channel, String from, String to, String text,
        List<String> mediaUrls, String providerId, Instant at) {

    public InboundMessage {
        mediaUrls = List.copyOf(mediaUrls);
    }
}
