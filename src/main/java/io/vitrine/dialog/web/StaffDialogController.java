package io.vitrine.dialog.web;

import io.swagger.v3.oas.annotations.Operation;
import io.vitrine.shared.Actor;
import io.vitrine.dialog.CustomerDetails;
import io.vitrine.dialog.Membership;
import io.vitrine.dialog.TimelineEvent;
import io.vitrine.dialog.DialogStatus;
import io.vitrine.dialog.DialogTranscript;
import io.vitrine.dialog.DialogView;
import io.vitrine.dialog.internal.DialogLog;
import io.vitrine.dialog.internal.DialogService;
import io.vitrine.dialog.internal.ReportService;
import jakarta.validation.Valid;
import io.vitrine.merchant.StaffPrincipal;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.UUID;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Dialogs of the caller's merchant, for the console and the dashboard. */
@RestController
@RequestMapping("/api/v1/dialogs")
class StaffDialogController {

    private final DialogService dialogs;
    private final ReportService reports;

    StaffDialogController(DialogService dialogs, ReportService reports) {
        this.dialogs = dialogs;
        this.reports = reports;
    }

    @GetMapping
    List<DialogView> list(@AuthenticationPrincipal StaffPrincipal principal,
            @RequestParam(required = false) DialogStatus status,
            @RequestParam(defaultValue = "false") boolean mine,
            @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
        return dialogs.search(actor(principal), status, mine, limit);
    }

    /** One page of a dialog's transcript for staff, with who the customer is (see {@link CustomerDetails}). */
    record StaffTranscript(DialogView dialog, List<TimelineEvent> events, Membership you, long nextAfterSeq,
            boolean hasMore, CustomerDetails customer) {}

    /** One page of the dialog's timeline, by sequence; read on after nextAfterSeq while hasMore. */
    @GetMapping("/{id}")
    ResponseEntity<StaffTranscript> transcript(@AuthenticationPrincipal StaffPrincipal principal, @PathVariable UUID id,
            @Parameter(description = TranscriptPageResponse.AFTER_SEQ) @RequestParam(defaultValue = "0") @Min(0) long afterSeq,
            @Parameter(description = TranscriptPageResponse.LIMIT) @RequestParam(defaultValue = "1000") @Min(1)
            @Max(DialogTranscript.MAX_PAGE) int limit) {
        DialogTranscript page = dialogs.transcript(id, actor(principal), afterSeq, limit);
        return TranscriptPageResponse.of(page, new StaffTranscript(page.dialog(), page.events(), page.you(),
                page.nextAfterSeq(), page.hasMore(), dialogs.customer(id, actor(principal))));
    }

    @GetMapping("/{id}/customer")
    @Operation(summary = "Who the customer is", description = "The Host's screen name and the personal data they gave, "
            + "and the page whose button started the dialog. Email and phone are returned to admins only. For a left "
            + "message, answerByEmail says whether the customer is emailed about answers.")
    CustomerDetails customer(@AuthenticationPrincipal StaffPrincipal principal, @PathVariable UUID id) {
        return dialogs.customer(id, actor(principal));
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

    /** The dialog's expert switches between video and text only. */
    @PostMapping("/{id}/mode")
    DialogView mode(@AuthenticationPrincipal StaffPrincipal principal, @PathVariable UUID id,
            @Valid @RequestBody ModeChange change) {
        return dialogs.setMode(id, actor(principal), change.mode());
    }

    @PostMapping("/{id}/reports")
    @ResponseStatus(HttpStatus.CREATED)
    ReportService.Filed report(@AuthenticationPrincipal StaffPrincipal principal, @PathVariable UUID id,
            @Valid @RequestBody ProblemReportRequest report) {
        return reports.report(id, actor(principal), report.text(), report.context());
    }

    static Actor.Staff actor(StaffPrincipal principal) {
        return new Actor.Staff(principal.memberId(), principal.merchantId(), principal.isAdmin());
    }
}
