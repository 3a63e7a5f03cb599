package io.vitrine.scheduling.web;

import io.vitrine.shared.Actor;
import io.vitrine.merchant.StaffPrincipal;
import io.vitrine.shopper.Shopper;

final class Actors {

    private Actors() {}

    static Actor.Staff of(StaffPrincipal principal) {
        return new Actor.Staff(principal.memberId(), principal.merchantId(), principal.isAdmin());
    }

    static Actor.Shopper of(Shopper shopper) {
        return new Actor.Shopper(shopper.id(), shopper.merchantId());
    }
}
