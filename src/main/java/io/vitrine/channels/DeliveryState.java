package io.vitrine.channels;

import java.util.Locale;

/** Where an outbound message is, as its provider reports it. */
public enum DeliveryState {
    QUEUED, SENT, DELIVERED, READ, FAILED;

    /**
     * Twilio's MessageStatus and WhatsApp's status values: accepted/scheduled/queued/sending count as queued,
     * undelivered/failed/canceled as failed. Unknown values are null (ignored, never guessed).
     */
    public static @org.jspecify.annotations.Nullable DeliveryState fromProvider(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "accepted", "scheduled", "queued", "sending" -> QUEUED;
            case "sent" -> SENT;
            case "delivered" -> DELIVERED;
            case "read" -> READ;
            case "failed", "undelivered", "canceled" -> FAILED;
            default -> null;
        };
    }
}
