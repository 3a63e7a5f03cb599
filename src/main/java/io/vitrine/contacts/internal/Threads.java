package io.vitrine.contacts.internal;

import io.vitrine.catalog.CatalogApi;
import io.vitrine.catalog.Product;
import io.vitrine.contacts.ContactChannel;
import io.vitrine.contacts.OutboundMessage;
import io.vitrine.shared.Actor;
import io.vitrine.shared.DomainException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The expert's side of contacts: their list, a thread, writing (now, later, or as a follow-up). An expert sees and
 * writes to their own contacts; an admin sees all of the merchant's.
 */
@Service
public class Threads {

    private static final int MAX_TEXT = 5000;
    private static final int MAX_PRODUCTS = 6;

    private final Contacts contacts;
    private final Messages messages;
    private final Outgoing outgoing;
    private final ContactViews views;
    private final CatalogApi catalog;
    private final Clock clock;

    Threads(Contacts contacts, Messages messages, Outgoing outgoing, ContactViews views, CatalogApi catalog, Clock clock) {
        this.contacts = contacts;
        this.messages = messages;
        this.outgoing = outgoing;
        this.views = views;
        this.catalog = catalog;
        this.clock = clock;
    }

    public List<ContactViews.ContactView> list(Actor.Staff staff, String search, boolean all) {
        String q = search == null || search.isBlank() ? null : search.strip();
        List<Contact> found = all && staff.admin() ? contacts.ofMerchant(staff.merchantId(), q)
                : contacts.ofOwner(staff.merchantId(), staff.memberId(), q);
        return found.stream().map(views::of).toList();
    }

    public ContactViews.ContactView contact(Actor.Staff staff, UUID contactId) {
        return views.of(visible(staff, contactId));
    }

    /** The thread, oldest first; reading it as the owner clears the unread count. */
    @Transactional
    public List<ContactViews.MessageView> thread(Actor.Staff staff, UUID contactId) {
        Contact contact = visible(staff, contactId);
        if (contact.ownerId().equals(staff.memberId())) {
            contacts.markRead(contactId);
        }
        return messages.thread(contactId, 500).stream().map(views::of).toList();
    }

    @Transactional
    public ContactViews.MessageView send(Actor.Staff staff, UUID contactId, String text, List<UUID> productIds,
            Instant sendAt, boolean followUp, boolean template) {
        Contact contact = owned(staff, contactId);
        String body = text == null ? "" : text.strip();
        List<UUID> ids = productIds == null ? List.of() : productIds;
        if (body.isEmpty() && ids.isEmpty()) {
            throw DomainException.invalidField("text", "Write a message or add a product.");
        }
        if (body.length() > MAX_TEXT) {
            throw DomainException.invalidField("text", "A message holds at most " + MAX_TEXT + " characters.");
        }
        if (ids.size() > MAX_PRODUCTS) {
            throw DomainException.invalidField("productIds", "A message carries at most " + MAX_PRODUCTS + " products.");
        }
        if (followUp && sendAt == null) {
            throw DomainException.invalidField("sendAt", "A follow-up needs the time it goes out.");
        }
        if (sendAt != null && sendAt.isAfter(clock.instant().plus(Duration.ofDays(366)))) {
            throw DomainException.invalidField("sendAt", "Schedule a message at most a year ahead.");
        }
        switch (contact.state()) {
            case PENDING -> throw DomainException.conflict("not_confirmed",
                    "This contact has not confirmed yet; messages can be sent once they do.");
            case OPTED_OUT -> throw DomainException.conflict("opted_out",
                    "This contact opted out and receives no more messages.");
            case CONFIRMED -> { }
        }
        serviceWindow(contact, body, ids, sendAt, template);
        List<OutboundMessage.ProductCard> cards = ids.stream().map(id -> card(staff, id)).toList();
        return views.of(outgoing.message(contact, staff.memberId(), body.isEmpty() ? "" : body, cards, sendAt, followUp,
                template));
    }

    /**
     * WhatsApp's 24-hour window: a free-form message must leave while it is open (at its send time); outside it only
     * the approved template goes, carrying the expert's text. Other channels have no templates.
     */
    private void serviceWindow(Contact contact, String body, List<UUID> productIds, Instant sendAt, boolean template) {
        if (contact.channel() != ContactChannel.WHATSAPP) {
            if (template) {
                throw DomainException.invalidField("template", "Only WhatsApp messages are sent as a template.");
            }
            return;
        }
        if (template) {
            if (body.isEmpty()) {
                throw DomainException.invalidField("text", "Write the text the template carries.");
            }
            if (!productIds.isEmpty()) {
                throw DomainException.invalidField("productIds",
                        "A template carries text only; send products once the contact writes again.");
            }
            return;
        }
        Instant leaves = sendAt == null || sendAt.isBefore(clock.instant()) ? clock.instant() : sendAt;
        if (!views.window(contact).isOpen(leaves)) {
            throw DomainException.conflict("outside_service_window", "The 24-hour window is closed: only an approved"
                    + " template can be sent. Send the text as the template (template: true), or wait until the"
                    + " contact writes again.");
        }
    }

    /** Cancels a scheduled message or follow-up that has not left yet. */
    @Transactional
    public ContactViews.MessageView cancel(Actor.Staff staff, UUID contactId, UUID messageId) {
        owned(staff, contactId);
        Message message = messages.find(messageId).filter(m -> m.contactId().equals(contactId))
                .orElseThrow(() -> DomainException.notFound("The message"));
        if (!messages.cancel(messageId, "cancelled by the expert")) {
            throw DomainException.conflict("already_sent", "This message has already been sent.");
        }
        return views.of(messages.find(message.id()).orElseThrow());
    }

    public byte[] attachment(Actor.Staff staff, UUID contactId, UUID attachmentId) {
        visible(staff, contactId);
        return messages.content(attachmentId, contactId).orElseThrow(() -> DomainException.notFound("The attachment"));
    }

    private OutboundMessage.ProductCard card(Actor.Staff staff, UUID productId) {
        Product p = catalog.findById(staff.merchantId(), productId, staff.memberId())
                .orElseThrow(() -> DomainException.invalidField("productIds", "A product was not found in the catalog."));
        if (p.archived()) {
            throw DomainException.invalidField("productIds", p.title() + " is no longer in the catalog.");
        }
        String price = Currency.getInstance(p.price().currency()).getSymbol(Locale.ENGLISH) + p.price().decimal();
        return new OutboundMessage.ProductCard(p.id(), p.title(), price, p.images().isEmpty() ? null : p.images().getFirst(),
                attributed(p.url()));
    }

    /** The product page, tagged so the shop's analytics credit the contact message. */
    private static String attributed(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        return url + (url.contains("?") ? "&" : "?") + "utm_source=vitrine&utm_medium=email&utm_campaign=contacts";
    }

    Contact visible(Actor.Staff staff, UUID contactId) {
        Contact contact = contacts.find(staff.merchantId(), contactId)
                .orElseThrow(() -> DomainException.notFound("The contact"));
        if (!contact.ownerId().equals(staff.memberId()) && !staff.admin()) {
            throw DomainException.notFound("The contact");
        }
        return contact;
    }

    private Contact owned(Actor.Staff staff, UUID contactId) {
        Contact contact = visible(staff, contactId);
        if (!contact.ownerId().equals(staff.memberId())) {
            throw DomainException.forbidden("Only the contact's own expert writes to them.");
        }
        return contact;
    }
}
