package io.vitrine.notifications.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vitrine.merchant.StaffPrincipal;
import io.vitrine.notifications.internal.Notices;
import io.vitrine.shared.DomainException;
import io.vitrine.shopper.AuthenticatedShopper;
import io.vitrine.shopper.Shopper;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own in-app notices: a team member by session, a shopper by token. */
@RestController
@RequestMapping("/api/v1/notices")
@Tag(name = "Notifications")
@SecurityRequirement(name = "staffSession")
@SecurityRequirement(name = "shopperToken")
class NoticesController {

    private final Notices notices;

    NoticesController(Notices notices) {
        this.notices = notices;
    }

    @GetMapping
    @Operation(summary = "The caller's notices, newest first")
    List<Notices.NoticeView> list(@Parameter(hidden = true) @AuthenticationPrincipal StaffPrincipal staff,
            @Parameter(hidden = true) @AuthenticatedShopper(required = false) Shopper shopper,
            @RequestParam(defaultValue = "false") boolean unread,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        return notices.list(Callers.of(staff, shopper), unread, limit);
    }

    @PostMapping("/{id}/read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Marks one of the caller's notices read; 404 for any other notice")
    void markRead(@Parameter(hidden = true) @AuthenticationPrincipal StaffPrincipal staff,
            @Parameter(hidden = true) @AuthenticatedShopper(required = false) Shopper shopper, @PathVariable UUID id) {
        if (!notices.markRead(Callers.of(staff, shopper), id)) {
            throw DomainException.notFound("Notice");
        }
    }
}
