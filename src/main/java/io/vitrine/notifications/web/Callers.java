package io.vitrine.notifications.web;

import io.vitrine.merchant.StaffPrincipal;
import io.vitrine.notifications.Recipient;
import io.vitrine.shared.DomainException;
import io.vitrine.shopper.Shopper;

/** The recipient making a request: the shopper of the bearer token, else the logged-in team member. */
final class Callers {

    private Callers() {}

    static Recipient of(StaffPrincipal staff, Shopper shopper) {
        if (shopper != null) {
            return Recipient.shopper(shopper.merchantId(), shopper.id());
        }
        if (staff != null) {
            return Recipient.staff(staff.merchantId(), staff.memberId());
        }
        throw new DomainException(DomainException.Kind.UNAUTHENTICATED, "unauthenticated",
                "Log in, or send the shopper token as 'Authorization: Bearer <token>'.");
    }
}
