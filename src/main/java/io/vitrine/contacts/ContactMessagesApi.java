package io.vitrine.contacts;

import java.util.List;
import java.util.UUID;

/**
 * Messages other modules send to an expert's contacts in the expert's name (a brand room's announcement), through the
 * contacts outbox: from the expert's proxy address, in the contact's thread, with the unsubscribe link; an opted-out
 * contact gets nothing, checked again right before sending. Contacts are opaque ids here: no address, no name.
 */
public interface ContactMessagesApi {

    /** The expert's confirmed email contacts (those who opted in to the expert's messages). */
    List<UUID> confirmedEmailContacts(UUID merchantId, UUID expertId);

    /**
     * Queues {@code text} from the expert to the contact; false, and nothing queued, when the contact is not (any
     * more) a confirmed email contact of that expert.
     */
    boolean message(UUID merchantId, UUID expertId, UUID contactId, String text);
}
