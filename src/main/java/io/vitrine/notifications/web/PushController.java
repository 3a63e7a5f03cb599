package io.vitrine.notifications.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vitrine.merchant.StaffPrincipal;
import io.vitrine.notifications.internal.PushSubscriptions;
import io.vitrine.notifications.internal.VapidKeys;
import io.vitrine.shared.DomainException;
import io.vitrine.shopper.AuthenticatedShopper;
import io.vitrine.shopper.Shopper;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Web Push: the server's VAPID key and the caller's browser subscriptions. */
@RestController
@RequestMapping("/api/v1/push")
@Tag(name = "Notifications")
class PushController {

    private final VapidKeys vapid;
    private final PushSubscriptions subscriptions;

    PushController(VapidKeys vapid, PushSubscriptions subscriptions) {
        this.vapid = vapid;
        this.subscriptions = subscriptions;
    }

    @GetMapping("/vapid-public-key")
    @SecurityRequirements
    @Operation(summary = "The applicationServerKey for pushManager.subscribe (base64url); needs no login")
    VapidKey publicKey() {
        return new VapidKey(vapid.publicKey());
    }

    @PostMapping("/subscriptions")
    @ResponseStatus(HttpStatus.CREATED)
    @SecurityRequirement(name = "staffSession")
    @SecurityRequirement(name = "shopperToken")
    @Operation(summary = "Stores the browser's PushSubscription (its toJSON()) for the caller")
    Created subscribe(@Parameter(hidden = true) @AuthenticationPrincipal StaffPrincipal staff,
            @Parameter(hidden = true) @AuthenticatedShopper(required = false) Shopper shopper,
            @Valid @RequestBody SubscriptionRequest request) {
        return new Created(subscriptions.save(Callers.of(staff, shopper), request.endpoint(), request.keys().p256dh(),
                request.keys().auth()));
    }

    @DeleteMapping("/subscriptions/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @SecurityRequirement(name = "staffSession")
    @SecurityRequirement(name = "shopperToken")
    @Operation(summary = "Removes one of the caller's subscriptions")
    void unsubscribe(@Parameter(hidden = true) @AuthenticationPrincipal StaffPrincipal staff,
            @Parameter(hidden = true) @AuthenticatedShopper(required = false) Shopper shopper, @PathVariable UUID id) {
        if (!subscriptions.delete(Callers.of(staff, shopper), id)) {
            throw DomainException.notFound("Push subscription");
        }
    }

    record VapidKey(String publicKey) {}

    record Created(UUID id) {}

    record SubscriptionRequest(
            @NotBlank @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be the push service URL")
            String endpoint,
            @Valid @NotNull Keys keys) {

        record Keys(@NotBlank @Size(max = 200) String p256dh, @NotBlank @Size(max = 100) String auth) {}
    }
}
