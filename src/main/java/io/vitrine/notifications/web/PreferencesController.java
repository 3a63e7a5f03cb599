package io.vitrine.notifications.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vitrine.merchant.StaffPrincipal;
import io.vitrine.notifications.internal.Preferences;
import io.vitrine.shopper.AuthenticatedShopper;
import io.vitrine.shopper.Shopper;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Which channels the caller accepts. In-app notices are always kept. */
@RestController
@RequestMapping("/api/v1/notification-preferences")
@Tag(name = "Notifications")
@SecurityRequirement(name = "staffSession")
@SecurityRequirement(name = "shopperToken")
class PreferencesController {

    private final Preferences preferences;

    PreferencesController(Preferences preferences) {
        this.preferences = preferences;
    }

    @GetMapping
    @Operation(summary = "The caller's notification preferences")
    Preferences.Settings get(@Parameter(hidden = true) @AuthenticationPrincipal StaffPrincipal staff,
            @Parameter(hidden = true) @AuthenticatedShopper(required = false) Shopper shopper) {
        return preferences.of(Callers.of(staff, shopper));
    }

    @PutMapping
    @Operation(summary = "Turns email and push on or off for the caller")
    Preferences.Settings put(@Parameter(hidden = true) @AuthenticationPrincipal StaffPrincipal staff,
            @Parameter(hidden = true) @AuthenticatedShopper(required = false) Shopper shopper,
            @Valid @RequestBody PreferencesRequest request) {
        return preferences.save(Callers.of(staff, shopper), new Preferences.Settings(request.email(), request.push()));
    }

    record PreferencesRequest(@NotNull Boolean email, @NotNull Boolean push) {}
}
