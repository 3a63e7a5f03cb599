package io.vitrine.shopper.web;

import io.vitrine.shopper.AuthenticatedShopper;
import io.vitrine.shopper.Shopper;
import io.vitrine.shopper.internal.ShopperProfile;
import io.vitrine.shopper.internal.ShopperService;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The shopper's own identity, as the widget manages it. */
@RestController
@RequestMapping("/api/v1/widget")
class ShopperController {

    private final ShopperService shoppers;

    ShopperController(ShopperService shoppers) {
        this.shoppers = shoppers;
    }

    @PostMapping("/{merchant}/shoppers")
    @ResponseStatus(HttpStatus.CREATED)
    ShopperService.Created create(@PathVariable String merchant, @Valid @RequestBody ShopperProfile profile) {
        return shoppers.create(merchant, profile);
    }

    @GetMapping("/me")
    Shopper me(@Parameter(hidden = true) @AuthenticatedShopper Shopper shopper) {
        return shopper;
    }

    /** Forget this browser: the token stops working; the widget starts afresh as a new shopper. */
    @DeleteMapping("/me/token")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void forget(@Parameter(hidden = true) @AuthenticatedShopper Shopper shopper) {
        shoppers.forget(shopper);
    }

    @PatchMapping("/me")
    Shopper update(@Parameter(hidden = true) @AuthenticatedShopper Shopper shopper, @Valid @RequestBody ShopperProfile profile) {
        return shoppers.update(shopper, profile);
    }
}
