package io.vitrine.merchant.web;

import io.vitrine.merchant.Merchant;
import io.vitrine.merchant.MerchantApi;
import io.vitrine.merchant.MerchantSettings;
import io.vitrine.merchant.StaffPrincipal;
import io.vitrine.merchant.internal.MerchantAdministration;
import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own merchant; there is no way to address another one. */
@RestController
@RequestMapping("/api/v1/merchant")
class MerchantController {

    private final MerchantApi merchants;
    private final MerchantAdministration administration;

    MerchantController(MerchantApi merchants, MerchantAdministration administration) {
        this.merchants = merchants;
        this.administration = administration;
    }

    @GetMapping
    Merchant merchant(@AuthenticationPrincipal StaffPrincipal principal) {
        return merchants.get(principal.merchantId());
    }

    @PutMapping("/settings")
    Merchant updateSettings(@AuthenticationPrincipal StaffPrincipal principal, @Valid @RequestBody MerchantSettings settings) {
        return administration.updateSettings(principal, settings);
    }
}
