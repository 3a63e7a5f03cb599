package io.vitrine.contacts.internal;

import io.vitrine.contacts.ChannelAdapter;
import io.vitrine.contacts.ContactChannel;
import io.vitrine.contacts.OutboundMessage;
import io.vitrine.contacts.SendResult;
import io.vitrine.merchant.Member;
import io.vitrine.merchant.MerchantApi;
import io.vitrine.merchant.TeamApi;
import io.vitrine.realtime.Push;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;
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

    /** How many earlier Message-IDs of the thread go into References. */
    private static final int REFERENCES = 20;

    /**
     * Platform threads, not virtual ones: Jakarta Mail writes a message to the SMTP connection byte by byte into a
     * BufferedOutputStream, which on a virtual thread starts at 512 bytes and grows one byte per write up to 8 KiB,
     * copying itself each time (JDK 25); opened on a platform thread it starts at 8 KiB.
     */
    private static final ThreadFactory WORKERS = Thread.ofPlatform().name("contacts-outbox-", 0).daemon().factory();

    private final String name = "contacts-" + UUID.randomUUID();
    private final AtomicLong batches = new AtomicLong();
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
        // poll interval between batches, over connections that stay open from batch to batch.
        long deadline = System.nanoTime() + DRAIN_LIMIT.toNanos();
        try (Sendings sendings = new Sendings()) {
            while (sendDue(sendings) >= settings.batchSize() && System.nanoTime() < deadline) {
                LOG.debug("Contact outbox: a full batch was sent, draining on");
            }
        } catch (RuntimeException e) {
            LOG.warn("Contact outbox run failed; trying again on the next tick", e);
        }
    }

    /**
     * Sends what is due now; returns how many rows this worker claimed. The batch is claimed in one statement and its
     * contacts loaded in one query; up to {@code parallelism} contacts are served at once on worker threads, each
     * contact's messages one after another in their order, over the channels' connections (kept open across the
     * batches of one tick).
     */
    public int sendDue() {
        try (Sendings sendings = new Sendings()) {
            return sendDue(sendings);
        }
    }

    private int sendDue(Sendings sendings) {
        String claim = name + "/" + batches.incrementAndGet();
        List<Message> claimed = messages.claimDue(claim, clock.instant().plus(settings.lease()), settings.batchSize());
        if (claimed.isEmpty()) {
            return 0;
        }
        Map<UUID, List<Message>> byContact = new LinkedHashMap<>();
        claimed.forEach(m -> byContact.computeIfAbsent(m.contactId(), c -> new ArrayList<>()).add(m));
        Map<UUID, Contact> found = contacts.findAnyMerchant(byContact.keySet());
        Queue<List<Message>> queue = new ConcurrentLinkedQueue<>(byContact.values());
        Batch batch = new Batch(claim, sendings);
        try (var threads = Executors.newThreadPerTaskExecutor(WORKERS)) {
            for (int i = 0; i < Math.min(settings.parallelism(), byContact.size()); i++) {
                threads.submit(() -> {
                    for (List<Message> thread = queue.poll(); thread != null; thread = queue.poll()) {
                        serve(batch, found.get(thread.getFirst().contactId()), thread);
                    }
                });
            }
        }
        return claimed.size();
    }

    /**
     * One contact's claimed messages, in order. When one cannot be handled the rest stay claimed and are taken up
     * again in order when their lease ends.
     */
    private void serve(Batch batch, Contact contact, List<Message> thread) {
        try {
            if (contact == null) {
                throw new IllegalStateException("contact " + thread.getFirst().contactId() + " not found");
            }
            List<String> references = new ArrayList<>(messages.messageIds(contact.id(), REFERENCES));
            Contact current = contact;
            for (Message message : thread) {
                SendResult outcome = deliver(batch, message, current, references);
                if (outcome instanceof SendResult.OptedOut) {
                    // The gate of the thread's next messages sees the opt-out just recorded.
                    current = contacts.findAnyMerchant(contact.id()).orElseThrow();
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Contact outbox: sending to contact {} stopped; its messages go again after the lease",
                    thread.getFirst().contactId(), e);
        }
    }

    /** Sends one claimed message and records the outcome; null when the gate cancelled it. */
    private SendResult deliver(Batch batch, Message message, Contact contact, List<String> references) {
        String refusal = gate(message, contact);
        if (refusal != null) {
            finish(batch, message, contact, MessageState.CANCELLED, refusal, null);
            return null;
        }
        SendResult outcome;
        try {
            outcome = attempt(batch, message, contact, List.copyOf(references));
        } catch (RuntimeException e) {
            LOG.warn("Sending contact message {} failed unexpectedly", message.id(), e);
            outcome = new SendResult.Retry("unexpected: " + e);
        }
        switch (outcome) {
            case SendResult.Sent sent -> finish(batch, message, contact, MessageState.SENT, null, sent.providerId());
            case SendResult.Failed failed -> finish(batch, message, contact, MessageState.FAILED, failed.reason(), null);
            case SendResult.OptedOut optedOut -> {
                finish(batch, message, contact, MessageState.FAILED, optedOut.reason(), null);
                optOuts.optOut(contact, optedOut.reason());
            }
            case SendResult.Retry retry when message.attempts() + 1 >= settings.maxAttempts() ->
                    finish(batch, message, contact, MessageState.FAILED, retry.reason(), null);
            case SendResult.Retry retry -> {
                Instant next = clock.instant().plus(backoff(message.attempts() + 1));
                messages.retryAt(message.id(), batch.claim(), next, retry.reason());
                announce(contact, withState(message, MessageState.QUEUED, retry.reason(), next, null));
            }
        }
        if (!(outcome instanceof SendResult.Retry) || message.attempts() + 1 >= settings.maxAttempts()) {
            // Sent or failed for good: the thread's later messages refer to this one, like messageIds() would.
            references.add(message.messageId());
            if (references.size() > REFERENCES) {
                references.removeFirst();
            }
        }
        return outcome;
    }

    private void finish(Batch batch, Message message, Contact contact, MessageState state, String failure,
            String providerId) {
        Instant sentAt = state == MessageState.SENT ? clock.instant() : null;
        if (messages.finish(message.id(), batch.claim(), state, failure, providerId, sentAt)) {
            announce(contact, withState(message, state, failure, message.sendAt(), sentAt));
        }
    }

    private void announce(Contact contact, Message now) {
        push.toMember(contact.ownerId(), new ContactFrames.MessageFrame(contact.id(), views.of(now)));
    }

    private static Message withState(Message m, MessageState state, String failure, Instant sendAt, Instant sentAt) {
        return new Message(m.id(), m.merchantId(), m.contactId(), m.direction(), m.kind(), m.authorId(), m.body(),
                m.original(), m.products(), state, failure, m.messageId(), m.inReplyTo(), sendAt, m.attempts(),
                m.createdAt(), sentAt, m.template());
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

    private SendResult attempt(Batch batch, Message message, Contact contact, List<String> references) {
        boolean confirmation = message.kind() == MessageKind.CONFIRMATION;
        ChannelAdapter.Sending sending = batch.sendings().of(contact.channel());
        if (sending == null) {
            return new SendResult.Retry("no adapter for " + contact.channel());
        }
        Member owner = batch.owners().computeIfAbsent(contact.ownerId(), id -> team.findMember(id).orElseThrow());
        String merchant = batch.merchants().computeIfAbsent(contact.merchantId(), id -> merchants.get(id).name());
        String proxy = batch.proxies().computeIfAbsent(contact.channel() + " " + owner.id(), key -> proxies.of(
                channels.adapter(contact.channel()).orElseThrow(), contact.merchantId(), owner.id(),
                owner.displayName()).address());
        int at = proxy.indexOf('@');
        // Email replies carry the contact's routing token; a phone number is routed by the shopper's number instead.
        String replyTo = at < 0 ? proxy : proxy.substring(0, at) + "+" + contact.routeToken() + proxy.substring(at);
        String subject = confirmation ? "Please confirm: keep in touch with " + owner.displayName() + " of " + merchant
                : "A message from " + owner.displayName() + " of " + merchant;
        if (message.inReplyTo() != null && !confirmation) {
            subject = "Re: " + subject;
        }
        String to = batch.addresses().computeIfAbsent(contact.id(), id -> cipher.decrypt(contact.addressEnc()));
        var outbound = new OutboundMessage(contact.merchantId(), contact.id(), contact.channel(), to, proxy,
                owner.displayName() + " (" + merchant + ")", replyTo, subject, message.body(),
                views.cards(message.products()), message.messageId(), message.inReplyTo(), references,
                batch.unsubscribes().computeIfAbsent(contact.id(), links::unsubscribe),
                confirmation ? "Yes, keep me in touch" : null, confirmation ? links.confirm(contact.id()) : null,
                message.template());
        return sending.send(outbound);
    }

    /**
     * What one batch shares: its claim, the sendings, and what it looked up or worked out once: experts, shops, proxy
     * addresses, and per contact the decrypted address and the signed unsubscribe link.
     */
    private record Batch(String claim, Sendings sendings, Map<UUID, Member> owners, Map<UUID, String> merchants,
            Map<String, String> proxies, Map<UUID, String> addresses, Map<UUID, String> unsubscribes) {

        Batch(String claim, Sendings sendings) {
            this(claim, sendings, new ConcurrentHashMap<>(), new ConcurrentHashMap<>(), new ConcurrentHashMap<>(),
                    new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
        }
    }

    /** The channels' sending runs (connections), opened on first use and closed when the tick or manual run ends. */
    private final class Sendings implements AutoCloseable {

        private final Map<ContactChannel, ChannelAdapter.Sending> open = new ConcurrentHashMap<>();

        ChannelAdapter.Sending of(ContactChannel channel) {
            return channels.adapter(channel).map(adapter -> open.computeIfAbsent(channel, c -> adapter.sending()))
                    .orElse(null);
        }

        @Override
        public void close() {
            open.values().forEach(ChannelAdapter.Sending::close);
        }
    }

    /** initialBackoff doubled per attempt made, capped at maxBackoff. */
    Duration backoff(int attemptsMade) {
        Duration wait = settings.initialBackoff().multipliedBy(1L << Math.min(20, Math.max(0, attemptsMade - 1)));
        return wait.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : wait;
    }
}
