package io.vitrine.contacts.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vitrine.contacts.ContactChannel;
import io.vitrine.contacts.internal.Invitations;
import io.vitrine.shared.Actor;
import io.vitrine.shopper.AuthenticatedShopper;
import io.vitrine.shopper.Shopper;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The shopper's side of joining: the card in the widget, and the form behind an invite link (QR code). */
@RestController
@Tag(name = "Contacts")
class WidgetContactsController {

    record Join(@NotNull ContactChannel channel, @NotNull @Size(max = 320) String address, Boolean consent) {}

    record JoinByLink(@Size(max = 80) String screenName, @NotNull ContactChannel channel,
            @NotNull @Size(max = 320) String address, Boolean consent) {}

    private final Invitations invitations;

    WidgetContactsController(Invitations invitations) {
        this.invitations = invitations;
    }

    @PostMapping("/api/v1/widget/me/contact-invites/{inviteId}")
    @ResponseStatus(HttpStatus.CREATED)
    @SecurityRequirement(name = "shopperToken")
    @Operation(summary = "The dialog's Host joins the expert's contacts; a confirmation goes to the address")
    Invitations.Joined join(@Parameter(hidden = true) @AuthenticatedShopper Shopper shopper, @PathVariable UUID inviteId,
            @Valid @RequestBody Join join) {
        return invitations.joinFromDialog(inviteId, new Actor.Shopper(shopper.id(), shopper.merchantId()),
                join.channel(), join.address(), Boolean.TRUE.equals(join.consent()));
    }

    @GetMapping("/api/v1/widget/contact-invites/{token}")
    @SecurityRequirements
    @Operation(summary = "Who invites, and the channels to choose from, for the invite link's form")
    Invitations.Preview preview(@PathVariable String token) {
        return invitations.preview(token);
    }

    @PostMapping("/api/v1/widget/contact-invites/{token}")
    @ResponseStatus(HttpStatus.CREATED)
    @SecurityRequirements
    @Operation(summary = "Joins the expert's contacts through an invite link; a confirmation goes to the address")
    Invitations.Joined joinByLink(@PathVariable String token, @Valid @RequestBody JoinByLink join) {
        return invitations.joinByLink(token, join.screenName(), join.channel(), join.address(), Boolean.TRUE.equals(join.consent()));
    }
}
