package io.vitrine.commerce.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.vitrine.commerce.Cart;
import io.vitrine.commerce.internal.CommerceService;
import io.vitrine.shared.Actor;
import io.vitrine.merchant.StaffPrincipal;
import io.vitrine.shopper.AuthenticatedShopper;
import io.vitrine.shopper.Shopper;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A dialog's cart over HTTP: for the Host, the dialog's expert and the merchant's admins. */
@RestController
class CartController {

    private final CommerceService commerce;

    CartController(CommerceService commerce) {
        this.commerce = commerce;
    }

    @Operation(summary = "The dialog's cart (the dialog's expert or an admin)")
    @GetMapping("/api/v1/dialogs/{id}/cart")
    Cart staffCart(@AuthenticationPrincipal StaffPrincipal principal, @PathVariable UUID id) {
        return commerce.cartFor(new Actor.Staff(principal.memberId(), principal.merchantId(), principal.isAdmin()), id);
    }

    @Operation(summary = "The cart of the Host's dialog")
    @GetMapping("/api/v1/widget/me/dialogs/{id}/cart")
    Cart hostCart(@Parameter(hidden = true) @AuthenticatedShopper Shopper shopper, @PathVariable UUID id) {
        return commerce.cartFor(new Actor.Shopper(shopper.id(), shopper.merchantId()), id);
    }
}
