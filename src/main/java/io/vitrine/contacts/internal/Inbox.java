package io.vitrine.contacts.internal;

import io.vitrine.contacts.ContactChannel;
import io.vitrine.realtime.Push;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Replies by email: routed by the proxy address and the contact's routing token (proxy+token@reply-domain, the merchant's own or the configured one) to the
 * contact's current owner, stored with its original text, and pushed to the owner live. A reply cancels the contact's
 * pending follow-ups and, while the owner is away, gets the away auto-response once per away period.
 */
@Service
public class Inbox {

    private static final Logger LOG = LoggerFactory.getLogger(Inbox.class);

    public enum Outcome { STORED, DUPLICATE, UNKNOWN_RECIPIENT, UNKNOWN_SENDER, BOUNCED }

    private final Proxies proxies;
    private final Contacts contacts;
    private final Messages messages;
    private final AddressCipher cipher;
    private final Outgoing outgoing;
    private final Away away;
    private final ContactViews views;
    private final Push push;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ReplyDomains domains;

    Inbox(Proxies proxies, Contacts contacts, Messages messages, AddressCipher cipher, Outgoing outgoing, Away away,
            ContactViews views, Push push, JdbcClient jdbc, Clock clock, ReplyDomains domains) {
        this.proxies = proxies;
        this.contacts = contacts;
        this.messages = messages;
        this.cipher = cipher;
        this.outgoing = outgoing;
        this.away = away;
        this.views = views;
        this.push = push;
        this.jdbc = jdbc;
        this.clock = clock;
        this.domains = domains;
    }

    /** Whether mail to this address is ours to take (a proxy of the reply domain). */
    public boolean accepts(String recipient) {
        return proxyOf(recipient).isPresent();
    }

    @Transactional
    public Outcome receive(String recipient, InboundMail mail) {
        Optional<Proxies.Proxy> proxy = proxyOf(recipient);
        if (proxy.isEmpty()) {
            return Outcome.UNKNOWN_RECIPIENT;
        }
        if (mail.bounce() != null) {
            return bounced(proxy.get(), mail.bounce());
        }
        if (mail.messageId() != null && messages.existsMessageId(mail.messageId())) {
            return Outcome.DUPLICATE;
        }
        String senderHash = mail.from() == null ? "" : cipher.hash(ContactChannel.EMAIL.name() + ":" + canonical(mail.from()));
        Optional<Contact> routed = token(recipient).flatMap(contacts::findByRouteToken)
                .filter(c -> c.merchantId().equals(proxy.get().merchantId()))
                .or(() -> byMerchantAndSender(proxy.get().merchantId(), senderHash));
        // The token alone is not enough: the reply must come from the contact's own address.
        Optional<Contact> contact = routed.filter(c -> c.addressHash().equals(senderHash));
        if (contact.isEmpty()) {
            LOG.info("Dropped a reply to {}: the sender is not a contact of that thread", proxy.get().address());
            return Outcome.UNKNOWN_SENDER;
        }
        store(contact.get(), mail);
        return Outcome.STORED;
    }

    /**
     * A bounce comes back to the proxy address the message left from (its envelope sender): the message, found by its
     * Message-ID among the proxy's merchant's messages only, turns FAILED with the reported status and diagnostic.
     */
    private Outcome bounced(Proxies.Proxy proxy, InboundMail.Bounce bounce) {
        var changed = messages.reported(proxy.merchantId(), bounce.originalMessageId(), MessageState.FAILED,
                bounce.reason());
        if (changed.isEmpty()) {
            LOG.info("A bounce to {} names no message of that shop that was sent; ignored", proxy.address());
            return Outcome.UNKNOWN_SENDER;
        }
        changed.forEach(m -> contacts.findAnyMerchant(m.contactId()).ifPresent(c -> AfterCommit.run(() ->
                push.toMember(c.ownerId(), new ContactFrames.MessageFrame(c.id(), views.of(m))))));
        return Outcome.BOUNCED;
    }

    void store(Contact contact, InboundMail mail) {
        Instant now = clock.instant();
        String address = cipher.decrypt(contact.addressEnc());
        String visible = ReplyText.visible(mail.text()).replace(address, "[address hidden]");
        UUID id = UUID.randomUUID();
        String messageId = mail.messageId() != null ? mail.messageId() : "<" + id + "@inbound." + domains.of(contact.merchantId()) + ">";
        Message message = new Message(id, contact.merchantId(), contact.id(), "IN", MessageKind.REPLY, null,
                visible.isEmpty() ? "(no text)" : visible, mail.text(), null, MessageState.RECEIVED, null, messageId,
                mail.inReplyTo(), now, 0, now, null);
        messages.insert(message);
        mail.images().forEach(image -> messages.attach(id, image.fileName(), image.contentType(), image.content()));
        contacts.touched(contact.id(), now, true);
        var cancelled = messages.cancelFollowUps(contact.id());
        if (contact.state() == ContactState.CONFIRMED) {
            away.current(contact.ownerId())
                    .filter(period -> contacts.claimAwayReply(contact.id(), period.since(), now))
                    .ifPresent(period -> outgoing.autoReply(contact, contact.ownerId(), period.autoResponse()));
        }
        UUID owner = contact.ownerId();
        AfterCommit.run(() -> {
            messages.find(id).ifPresent(m -> push.toMember(owner, new ContactFrames.MessageFrame(contact.id(), views.of(m))));
            cancelled.forEach(c -> messages.find(c).ifPresent(m ->
                    push.toMember(owner, new ContactFrames.MessageFrame(contact.id(), views.of(m)))));
            contacts.findAnyMerchant(contact.id()).ifPresent(c -> push.toMember(owner, new ContactFrames.ContactFrame(views.of(c))));
        });
    }

    private Optional<Contact> byMerchantAndSender(UUID merchantId, String senderHash) {
        return jdbc.sql("""
                select * from contact where merchant_id = ? and address_hash = ?
                order by coalesce(last_message_at, created_at) desc limit 1""")
                .params(merchantId, senderHash).query(Contacts::row).optional();
    }

    /**
     * The proxy the mail is for. A domain a merchant set as theirs selects that merchant: only their proxies are
     * found on it. On the configured domain (and on a domain a merchant used before) the address, unique, decides.
     */
    private Optional<Proxies.Proxy> proxyOf(String recipient) {
        String address = canonical(recipient);
        int at = address.lastIndexOf('@');
        if (at < 0) {
            return Optional.empty();
        }
        String domain = address.substring(at + 1);
        String local = address.substring(0, at);
        int plus = local.indexOf('+');
        Optional<UUID> owner = domains.owner(domain);
        return proxies.byAddress((plus < 0 ? local : local.substring(0, plus)) + "@" + domain)
                .filter(p -> p.channel() == ContactChannel.EMAIL)
                .filter(p -> owner.map(p.merchantId()::equals).orElse(true));
    }

    private static Optional<String> token(String recipient) {
        String local = canonical(recipient).split("@")[0];
        int plus = local.indexOf('+');
        return plus < 0 ? Optional.empty() : Optional.of(local.substring(plus + 1).toLowerCase(Locale.ROOT));
    }

    /** The address as contacts store it: the domain in lower case (local parts are compared as written). */
    static String canonical(String address) {
        String value = address.strip();
        if (value.startsWith("<") && value.endsWith(">")) {
            value = value.substring(1, value.length() - 1);
        }
        int at = value.lastIndexOf('@');
        return at < 0 ? value : value.substring(0, at) + "@" + value.substring(at + 1).toLowerCase(Locale.ROOT);
    }
}
