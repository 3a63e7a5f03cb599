package io.vitrine.contacts.internal;

import io.vitrine.contacts.OutboundMessage;
import io.vitrine.merchant.Member;
import io.vitrine.realtime.Push;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Puts outbound messages into the outbox (the thread's message table) within the caller's transaction; the
 * {@link ContactOutbox} sends them. Nothing is sent from here.
 */
@Component
class Outgoing {

    private final Messages messages;
    private final Contacts contacts;
    private final ContactViews views;
    private final ReplyDomains domains;
    private final Push push;
    private final Clock clock;

    Outgoing(Messages messages, Contacts contacts, ContactViews views, ReplyDomains domains, Push push,
            Clock clock) {
        this.messages = messages;
        this.contacts = contacts;
        this.views = views;
        this.domains = domains;
        this.push = push;
        this.clock = clock;
    }

    Message confirmation(Contact contact, Member owner) {
        String text = owner.displayName() + " would like to keep in touch with you: new products, availability and"
                + " answers to your questions, straight from them. Confirm to start receiving their messages;"
                + " you can stop them at any time.";
        return queue(contact, MessageKind.CONFIRMATION, owner.id(), text, List.of(), clock.instant(), false, false);
    }

    Message message(Contact contact, UUID authorId, String text, List<OutboundMessage.ProductCard> cards,
            Instant sendAt, boolean followUp, boolean template) {
        Instant now = clock.instant();
        return queue(contact, followUp ? MessageKind.FOLLOW_UP : MessageKind.MESSAGE, authorId, text, cards,
                sendAt == null || sendAt.isBefore(now) ? now : sendAt, true, template);
    }

    Message autoReply(Contact contact, UUID ownerId, String text) {
        return queue(contact, MessageKind.AUTO_REPLY, ownerId, text, List.of(), clock.instant(), true, false);
    }

    void cancelQueued(UUID contactId, String reason) {
        messages.thread(contactId, 1000).stream().filter(m -> m.state() == MessageState.QUEUED)
                .forEach(m -> messages.cancel(m.id(), reason));
    }

    private Message queue(Contact contact, MessageKind kind, UUID authorId, String text,
            List<OutboundMessage.ProductCard> cards, Instant sendAt, boolean inThread, boolean template) {
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        Message message = new Message(id, contact.merchantId(), contact.id(), "OUT", kind, authorId, text, null,
                views.json(cards), MessageState.QUEUED, null, "<" + id + "@" + domains.of(contact.merchantId()) + ">",
                messages.lastInboundId(contact.id()).orElse(null), sendAt, 0, now, null, template);
        messages.insert(message);
        if (inThread && !sendAt.isAfter(now)) {
            contacts.touched(contact.id(), now, false);
        }
        UUID owner = contact.ownerId();
        AfterCommit.run(() -> push.toMember(owner, new ContactFrames.MessageFrame(contact.id(), views.of(message))));
        return message;
    }
}
