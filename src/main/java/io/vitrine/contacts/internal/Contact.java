package io.vitrine.contacts.internal;

import io.vitrine.contacts.ContactChannel;
import java.time.Instant;
import java.util.UUID;

/**
 * A shopper in one expert's contacts. The address stays encrypted here ({@code addressEnc}); it is decrypted only
 * to send, never for display.
 */
public record Contact(UUID id, UUID merchantId, String team, UUID ownerId, UUID shopperId, ContactChannel channel,
        String addressEnc, String addressHash, String screenName, String avatarColor, ContactState state,
        String routeToken, int unread, Instant createdAt, Instant confirmedAt, Instant optedOutAt,
        Instant lastMessageAt, Instant awayRepliedAt) {

    public boolean receivesMessages() {
        return state == ContactState.CONFIRMED;
    }
}
