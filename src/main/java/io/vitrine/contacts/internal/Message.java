package io.vitrine.contacts.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * One message of a thread. {@code products} is the JSON of the product cards it carries; {@code original} the
 * inbound message's full text before quoted history and signature were stripped from {@code body}; {@code template}
 * that it goes as the approved re-engagement template (WhatsApp outside the 24-hour window).
 */
public record Message(UUID id, UUID merchantId, UUID contactId, String direction, MessageKind kind, UUID authorId,
        String body, String original, String products, MessageState state, String failure, String messageId,
        String inReplyTo, Instant sendAt, int attempts, Instant createdAt, Instant sentAt, boolean template) {

    public Message(UUID id, UUID merchantId, UUID contactId, String direction, MessageKind kind, UUID authorId,
            String body, String original, String products, MessageState state, String failure, String messageId,
            String inReplyTo, Instant sendAt, int attempts, Instant createdAt, Instant sentAt) {
        this(id, merchantId, contactId, direction, kind, authorId, body, original, products, state, failure, messageId,
                inReplyTo, sendAt, attempts, createdAt, sentAt, false);
    }

    public boolean outbound() {
        return "OUT".equals(direction);
    }
}
