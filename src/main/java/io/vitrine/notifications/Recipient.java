package io.vitrine.notifications;

import java.util.Objects;
import java.util.UUID;

/** Who a notice is for: a team member or a shopper of one merchant. */
public record Recipient(UUID merchantId, Kind kind, UUID id) {

    /**
     * BUYER: someone known only to another module's {@link RecipientDirectory}: who placed an order (sales), or a Guest
     * the Host added to an appointment by email (scheduling); INVITEE: an email address a brand invited to its rooms,
     * known only to the rooms module's.
     */
    public enum Kind { STAFF, SHOPPER, BUYER, INVITEE }

    public Recipient {
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }

    public static Recipient staff(UUID merchantId, UUID memberId) {
        return new Recipient(merchantId, Kind.STAFF, memberId);
    }

    public static Recipient shopper(UUID merchantId, UUID shopperId) {
        return new Recipient(merchantId, Kind.SHOPPER, shopperId);
    }

    public static Recipient buyer(UUID merchantId, UUID orderId) {
        return new Recipient(merchantId, Kind.BUYER, orderId);
    }

    public static Recipient invitee(UUID merchantId, UUID inviteeId) {
        return new Recipient(merchantId, Kind.INVITEE, inviteeId);
    }
}
