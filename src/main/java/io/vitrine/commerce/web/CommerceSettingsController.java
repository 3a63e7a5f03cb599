package io.vitrine.commerce.web;

import io.swagger.v3.oas.annotations.Operation;
import io.vitrine.commerce.CommerceApi;
import io.vitrine.commerce.CommerceSettings;
import io.vitrine.commerce.internal.CommerceService;
import io.vitrine.merchant.StaffPrincipal;
import io.vitrine.shared.DomainException;
import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** How the caller's merchant hands carts off; any team member reads it, admins change it. */
@RestController
@RequestMapping("/api/v1/merchant/commerce-settings")
class CommerceSettingsController {

    private final CommerceApi commerce;
    private final CommerceService service;

    CommerceSettingsController(CommerceApi commerce, CommerceService service) {
        this.commerce = commerce;
        this.service = service;
    }

    @Operation(summary = "The merchant's cart hand-off setting")
    @GetMapping
    CommerceSettings settings(@AuthenticationPrincipal StaffPrincipal principal) {
        return commerce.settings(principal.merchantId());
    }

    @Operation(summary = "Change the cart hand-off (admins only)")
    @PutMapping
    CommerceSettings update(@AuthenticationPrincipal StaffPrincipal principal, @Valid @RequestBody CommerceSettings settings) {
        if (!principal.isAdmin()) {
            throw DomainException.forbidden("Only an admin of the merchant may do this.");
        }
        return service.saveSettings(principal.merchantId(), settings);
    }
}
