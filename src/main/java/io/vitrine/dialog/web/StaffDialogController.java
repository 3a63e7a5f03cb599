package io.vitrine.dialog.web;

import io.vitrine.dialog.Actor;
import io.vitrine.dialog.DialogStatus;
import io.vitrine.dialog.DialogTranscript;
import io.vitrine.dialog.DialogView;
import io.vitrine.dialog.internal.DialogLog;
import io.vitrine.dialog.internal.DialogService;
import io.vitrine.merchant.StaffPrincipal;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Dialogs of the caller's merchant, for the console and the dashboard. */
@RestController
@RequestMapping("/api/v1/dialogs")
class StaffDialogController {

    private final DialogService dialogs;

    StaffDialogController(DialogService dialogs) {
        this.dialogs = dialogs;
    }

    @GetMapping
    List<DialogView> list(@AuthenticationPrincipal StaffPrincipal principal,
            @RequestParam(required = false) DialogStatus status,
            @RequestParam(defaultValue = "false") boolean mine,
            @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
        return dialogs.search(actor(principal), status, mine, limit);
    }

    @GetMapping("/{id}")
    DialogTranscript transcript(@AuthenticationPrincipal StaffPrincipal principal, @PathVariable UUID id) {
        return dialogs.transcript(id, actor(principal));
    }

    @GetMapping("/{id}/log")
    List<DialogLog.Entry> log(@AuthenticationPrincipal StaffPrincipal principal, @PathVariable UUID id) {
        return dialogs.log(id, actor(principal));
    }

    @PostMapping("/{id}/accept")
    DialogView accept(@AuthenticationPrincipal StaffPrincipal principal, @PathVariable UUID id) {
        return dialogs.accept(id, actor(principal));
    }

    @PostMapping("/{id}/end")
    DialogView end(@AuthenticationPrincipal StaffPrincipal principal, @PathVariable UUID id) {
        return dialogs.end(id, actor(principal));
    }

    static Actor.Staff actor(StaffPrincipal principal) {
        return new Actor.Staff(principal.memberId(), principal.merchantId(), principal.isAdmin());
    }
}
