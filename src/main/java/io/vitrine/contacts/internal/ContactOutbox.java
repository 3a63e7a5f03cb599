package io.vitrine.contacts.internal;

import io.vitrine.contacts.ChannelAdapter;
import io.vitrine.contacts.OutboundMessage;
import io.vitrine.contacts.SendResult;
import io.vitrine.merchant.Member;
import io.vitrine.merchant.MerchantApi;
import io.vitrine.merchant.TeamApi;
import io.vitrine.realtime.Push;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends due outbox rows: each is claimed (see {@link Messages}), checked against the contact's opt-in state right
 * here in the sending path, sent outside any transaction, then marked sent, retried later with exponential backoff,
 * or failed. The tick runs on one node of a cluster at a time (ShedLock); the per-row claim keeps a row from being
 * sent twice even when a tick overlaps a manual run.
 */
@Component
public class ContactOutbox {

    private static final Logger LOG = LoggerFactory.getLogger(ContactOutbox.class);

    /** How long one tick keeps draining a backlog; well inside the lock's lockAtMostFor (5 minutes). */
    private static final Duration DRAIN_LIMIT = Duration.ofMinutes(1);

    private final String name = "contacts-" + UUID.randomUUID();
    private final Messages messages;
    private final Contacts contacts;
    private final Channels channels;
    private final Proxies proxies;
    private final AddressCipher cipher;
    private final Links links;
    private final TeamApi team;
    private final MerchantApi merchants;
    private final ContactViews views;
    private final Push push;
    private final PhoneOptOuts optOuts;
    private final ContactsProperties.Outbox settings;
    private final Clock clock;

    ContactOutbox(Messages messages, Contacts contacts, Channels channels, Proxies proxies, AddressCipher cipher,
            Links links, TeamApi team, MerchantApi merchants, ContactViews views, Push push,
            PhoneOptOuts optOuts, ContactsProperties properties, Clock clock) {
        this.messages = messages;
        this.contacts = contacts;
        this.channels = channels;
        this.proxies = proxies;
        this.cipher = cipher;
        this.links = links;
        this.team = team;
        this.merchants = merchants;
        this.views = views;
        this.push = push;
        this.optOuts = optOuts;
        this.settings = properties.outbox();
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${vitrine.contacts.outbox.poll-interval:1s}")
    @SchedulerLock(name = "contacts-outbox", lockAtMostFor = "5m")
    void tick() {
        // A full batch means more is waiting: keep draining (within the lock's time) instead of idling a whole
        // poll interval between batches.
        long deadline = System.nanoTime() + DRAIN_LIMIT.toNanos();
        try {
            while (sendDue() >= settings.batchSize() && System.nanoTime() < deadline) {
                LOG.debug("Contact outbox: a full batch was sent, draining on");
            }
        } catch (RuntimeException e) {
            LOG.warn("Contact outbox run failed; trying again on the next tick", e);
        }
    }

    /** Sends what is due now; returns how many rows this worker claimed. */
    public int sendDue() {
        var claimed = messages.claimDue(name, clock.instant().plus(settings.lease()), settings.batchSize());
        claimed.forEach(this::deliver);
        return claimed.size();
    }

    private void deliver(UUID id) {
        Message message = messages.find(id).orElseThrow();
        Contact contact = contacts.findAnyMerchant(message.contactId()).orElseThrow();
        String refusal = gate(message, contact);
        if (refusal != null) {
            messages.finish(id, name, MessageState.CANCELLED, refusal);
            announce(id, contact);
            return;
        }
        SendResult outcome;
        try {
            outcome = attempt(message, contact);
        } catch (RuntimeException e) {
            LOG.warn("Sending contact message {} failed unexpectedly", id, e);
            outcome = new SendResult.Retry("unexpected: " + e);
        }
        switch (outcome) {
            case SendResult.Sent sent -> {
                if (messages.finish(id, name, MessageState.SENT, null) && sent.providerId() != null) {
                    messages.providerId(id, sent.providerId());
                }
            }
            case SendResult.Failed failed -> messages.finish(id, name, MessageState.FAILED, failed.reason());
            case SendResult.OptedOut optedOut -> {
                messages.finish(id, name, MessageState.FAILED, optedOut.reason());
                optOuts.optOut(contact, optedOut.reason());
            }
            case SendResult.Retry retry when message.attempts() + 1 >= settings.maxAttempts() ->
                    messages.finish(id, name, MessageState.FAILED, retry.reason());
            case SendResult.Retry retry -> messages.retryAt(id, name,
                    clock.instant().plus(backoff(message.attempts() + 1)), retry.reason());
        }
        announce(id, contact);
    }

    private void announce(UUID id, Contact contact) {
        messages.find(id).ifPresent(now -> push.toMember(contact.ownerId(),
                new ContactFrames.MessageFrame(contact.id(), views.of(now))));
    }

    /**
     * The opt-in gate sits here, at sending time: whatever queued the message, an opted-out contact gets nothing,
     * and only a pending contact gets the confirmation request. Returns why the message may not go, or null.
     */
    static String gate(Message message, Contact contact) {
        boolean confirmation = message.kind() == MessageKind.CONFIRMATION;
        if (contact.state() == ContactState.OPTED_OUT) {
            return "the contact opted out";
        }
        if (confirmation != (contact.state() == ContactState.PENDING)) {
            return confirmation ? "the contact already confirmed" : "the contact has not confirmed yet";
        }
        return null;
    }

    private SendResult attempt(Message message, Contact contact) {
        boolean confirmation = message.kind() == MessageKind.CONFIRMATION;
        ChannelAdapter adapter = channels.adapter(contact.channel()).orElse(null);
        if (adapter == null) {
            return new SendResult.Retry("no adapter for " + contact.channel());
        }
        Member owner = team.findMember(contact.ownerId()).orElseThrow();
        String merchant = merchants.get(contact.merchantId()).name();
        String proxy = proxies.of(adapter, contact.merchantId(), owner.id(), owner.displayName()).address();
        int at = proxy.indexOf('@');
        // Email replies carry the contact's routing token; a phone number is routed by the shopper's number instead.
        String replyTo = at < 0 ? proxy : proxy.substring(0, at) + "+" + contact.routeToken() + proxy.substring(at);
        String subject = confirmation ? "Please confirm: keep in touch with " + owner.displayName() + " of " + merchant
                : "A message from " + owner.displayName() + " of " + merchant;
        if (message.inReplyTo() != null && !confirmation) {
            subject = "Re: " + subject;
        }
        var outbound = new OutboundMessage(contact.merchantId(), contact.id(), contact.channel(),
                cipher.decrypt(contact.addressEnc()), proxy, owner.displayName() + " (" + merchant + ")", replyTo,
                subject, message.body(), views.cards(message.products()), message.messageId(), message.inReplyTo(),
                messages.messageIds(contact.id(), 20), links.unsubscribe(contact.id()),
                confirmation ? "Yes, keep me in touch" : null, confirmation ? links.confirm(contact.id()) : null,
                message.template());
        return adapter.send(outbound);
    }

    /** initialBackoff doubled per attempt made, capped at maxBackoff. */
    Duration backoff(int attemptsMade) {
        Duration wait = settings.initialBackoff().multipliedBy(1L << Math.min(20, Math.max(0, attemptsMade - 1)));
        return wait.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : wait;
    }
}
