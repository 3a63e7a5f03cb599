package io.vitrine.contacts.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * One message of a thread. {@code products} is the JSON of the product cards it carries; {@code original} the
 * inbound message's full text before quoted history and signature were stripped from {@code body}.
 */
public record Message(UUID id, UUID merchantId, UUID contactId, String direction, MessageKind kind, UUID authorId,
        String body, String original, String products, MessageState state, String failure, String messageId,
        String inReplyTo, Instant sendAt, int attempts, Instant createdAt, Instant sentAt) {

    public boolean outbound() {
        return "OUT".equals(direction);
    }
}
