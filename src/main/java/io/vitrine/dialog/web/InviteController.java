package io.vitrine.dialog.web;

import io.swagger.v3.oas.annotations.Parameter;
import io.vitrine.dialog.InvitePreview;
import io.vitrine.dialog.internal.CoopService;
import io.vitrine.shopper.AuthenticatedShopper;
import io.vitrine.shopper.Shopper;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Invite links as a Guest uses them: see where the link leads, then join with a screen name. */
@RestController
@RequestMapping("/api/v1/widget/invites/{token}")
class InviteController {

    private final CoopService coop;

    InviteController(CoopService coop) {
        this.coop = coop;
    }

    @GetMapping
    InvitePreview preview(@PathVariable String token) {
        return coop.preview(token);
    }

    /**
     * Joins as a Guest. With the token of a shopper of the same merchant that shopper joins; otherwise a new Guest
     * identity is made and its token returned once.
     */
    @PostMapping("/join")
    CoopService.Joined join(@PathVariable String token,
            @Parameter(hidden = true) @AuthenticatedShopper(required = false) Shopper shopper,
            @Valid @RequestBody JoinRequest request) {
        return coop.join(token, shopper, request.screenName());
    }

    record JoinRequest(@NotBlank @Size(max = CoopService.MAX_SCREEN_NAME) String screenName) {}
}
