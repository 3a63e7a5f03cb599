package io.vitrine.checkout.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.vitrine.checkout.CheckoutConfirmation;
import io.vitrine.checkout.CheckoutForm;
import io.vitrine.checkout.internal.CheckoutService;
import io.vitrine.shared.Actor;
import io.vitrine.shopper.AuthenticatedShopper;
import io.vitrine.shopper.Shopper;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The Host's checkout of the dialog's cart (merchant setting cartHandoff = VITRINE). */
@RestController
class CheckoutController {

    private final CheckoutService checkout;

    CheckoutController(CheckoutService checkout) {
        this.checkout = checkout;
    }

    @Operation(summary = "Place the dialog's cart as an order (the Host; cart hand-off VITRINE)")
    @PostMapping("/api/v1/widget/me/dialogs/{id}/checkout")
    @ResponseStatus(HttpStatus.CREATED)
    CheckoutConfirmation checkout(@Parameter(hidden = true) @AuthenticatedShopper Shopper shopper,
            @PathVariable UUID id, @Valid @RequestBody CheckoutForm form) {
        return checkout.place(new Actor.Shopper(shopper.id(), shopper.merchantId()), id, form);
    }
}
