package io.vitrine.contacts.internal;

import io.vitrine.channels.InboundMessage;
import io.vitrine.channels.OptOutKeywords;
import io.vitrine.contacts.ContactChannel;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * SMS and WhatsApp messages from shoppers, routed by the proxy number they were sent to (one expert's) and the
 * shopper's number: YES confirms the double opt-in, STOP and its kin opt out, START/UNSTOP opts back in on SMS, and
 * anything else lands in the owning expert's thread like an email reply.
 */
@Component
class PhoneInbox {

    private static final Logger LOG = LoggerFactory.getLogger(PhoneInbox.class);

    private final Proxies proxies;
    private final Contacts contacts;
    private final AddressCipher cipher;
    private final PhoneOptOuts optOuts;
    private final Inbox inbox;
    private final Messages messages;

    PhoneInbox(Proxies proxies, Contacts contacts, AddressCipher cipher, PhoneOptOuts optOuts, Inbox inbox,
            Messages messages) {
        this.proxies = proxies;
        this.contacts = contacts;
        this.cipher = cipher;
        this.optOuts = optOuts;
        this.inbox = inbox;
        this.messages = messages;
    }

    @ApplicationModuleListener
    void on(InboundMessage inbound) {
        ContactChannel channel = ContactChannel.valueOf(inbound.channel().name());
        Optional<Contact> found = contactOf(inbound, channel);
        if (found.isEmpty()) {
            LOG.info("Dropped a {} message to {}: the sender is not a contact of that expert", channel, inbound.to());
            return;
        }
        Contact contact = found.get();
        switch (OptOutKeywords.classify(inbound.channel(), inbound.text())) {
            case OPT_OUT -> optOuts.optOut(contact, "the contact replied " + inbound.text().strip());
            case OPT_IN -> optOuts.confirm(contact, true);
            case CONFIRM -> {
                if (contact.state() != ContactState.PENDING || !optOuts.confirm(contact, false)) {
                    store(contact, inbound);
                }
            }
            case NONE -> store(contact, inbound);
        }
    }

    private void store(Contact contact, InboundMessage inbound) {
        String messageId = "<" + inbound.providerId() + "@" + inbound.channel().name().toLowerCase(java.util.Locale.ROOT)
                + ".inbound>";
        if (messages.existsMessageId(messageId)) {
            return;
        }
        String text = inbound.text().isBlank() && !inbound.mediaUrls().isEmpty()
                ? String.join("\n", inbound.mediaUrls()) : inbound.text();
        inbox.store(contact, new InboundMail(inbound.from(), messageId, null, null, text, List.of()));
    }

    /** The proxy number names the expert; among their contacts on the channel, the one with the sender's number. */
    private Optional<Contact> contactOf(InboundMessage inbound, ContactChannel channel) {
        String hash = cipher.hash(channel.name() + ":" + inbound.from());
        return proxies.byAddress(inbound.to())
                .filter(p -> p.channel() == channel && p.merchantId().equals(inbound.merchantId()))
                .flatMap(p -> contacts.findByOwnerAndAddress(p.memberId(), hash).stream()
                        .filter(c -> c.channel() == channel && c.merchantId().equals(inbound.merchantId()))
                        .findFirst());
    }
}
