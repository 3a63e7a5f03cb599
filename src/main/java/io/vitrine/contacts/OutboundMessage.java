package io.vitrine.contacts;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One message to a contact, as the outbox hands it to a {@link ChannelAdapter}.
 *
 * @param messageId   the stable id of this message (also its idempotency key); an RFC 5322 Message-ID for email
 * @param inReplyTo   the message this one answers, or null
 * @param references  the thread's earlier message ids, oldest first
 * @param from        the expert's proxy address
 * @param replyTo     where replies go: the proxy address with the contact's routing token
 * @param unsubscribe the one-click opt-out link; null for the confirmation request
 * @param template    the text goes as the channel's approved re-engagement template (WhatsApp outside the
 *                    24-hour customer-service window), not as a free-form message
 */
public record OutboundMessage(UUID merchantId, UUID contactId, ContactChannel channel, String to, String from,
        String fromName, String replyTo, String subject, String text, List<ProductCard> products, String messageId,
        String inReplyTo, List<String> references, String unsubscribe, String actionLabel, String actionUrl,
        boolean template) {

    /** A free-form message (or, with an action, the double opt-in request). */
    public OutboundMessage(UUID merchantId, UUID contactId, ContactChannel channel, String to, String from,
            String fromName, String replyTo, String subject, String text, List<ProductCard> products, String messageId,
            String inReplyTo, List<String> references, String unsubscribe, String actionLabel, String actionUrl) {
        this(merchantId, contactId, channel, to, from, fromName, replyTo, subject, text, products, messageId,
                inReplyTo, references, unsubscribe, actionLabel, actionUrl, false);
    }

    public OutboundMessage {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(messageId, "messageId");
        products = products == null ? List.of() : List.copyOf(products);
        references = references == null ? List.of() : List.copyOf(references);
    }

    /** A product recommended in a message: shown as a card in email, a short link elsewhere. */
    public record ProductCard(UUID productId, String title, String price, String image, String url) {}
}
