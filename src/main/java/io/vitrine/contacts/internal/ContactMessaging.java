package io.vitrine.contacts.internal;

import io.vitrine.contacts.ContactChannel;
import io.vitrine.contacts.ContactMessagesApi;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link ContactMessagesApi}: messages queued in the caller's transaction as if the expert wrote them. */
@Service
class ContactMessaging implements ContactMessagesApi {

    private final Contacts contacts;
    private final Outgoing outgoing;

    ContactMessaging(Contacts contacts, Outgoing outgoing) {
        this.contacts = contacts;
        this.outgoing = outgoing;
    }

    @Override
    @Transactional(readOnly = true)
    public List<UUID> confirmedEmailContacts(UUID merchantId, UUID expertId) {
        return contacts.confirmedOf(merchantId, expertId, ContactChannel.EMAIL);
    }

    @Override
    @Transactional
    public boolean message(UUID merchantId, UUID expertId, UUID contactId, String text) {
        return contacts.find(merchantId, contactId)
                .filter(c -> c.ownerId().equals(expertId) && c.channel() == ContactChannel.EMAIL && c.receivesMessages())
                .map(c -> outgoing.message(c, expertId, text, List.of(), null, false, false) != null)
                .orElse(false);
    }
}
