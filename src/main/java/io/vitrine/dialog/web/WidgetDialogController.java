package io.vitrine.dialog.web;

import io.swagger.v3.oas.annotations.Parameter;
import io.vitrine.shared.Actor;
import io.vitrine.dialog.DialogTranscript;
import io.vitrine.dialog.DialogView;
import io.vitrine.dialog.internal.CoopService;
import io.vitrine.dialog.internal.DialogService;
import io.vitrine.dialog.internal.ReportService;
import io.vitrine.shopper.AuthenticatedShopper;
import io.vitrine.shopper.Shopper;
import io.vitrine.shared.PublicUrl;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The shopper's dialogs, as the widget uses them: as Host or as Guest. */
@RestController
@RequestMapping("/api/v1/widget/me/dialogs")
class WidgetDialogController {

    private final DialogService dialogs;
    private final CoopService coop;
    private final ReportService reports;
    private final PublicUrl publicUrl;

    WidgetDialogController(DialogService dialogs, CoopService coop, ReportService reports, PublicUrl publicUrl) {
        this.dialogs = dialogs;
        this.coop = coop;
        this.reports = reports;
        this.publicUrl = publicUrl;
    }

    @GetMapping
    List<DialogView> list(@Parameter(hidden = true) @AuthenticatedShopper Shopper shopper) {
        return dialogs.ofShopper(shopper);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    DialogView request(@Parameter(hidden = true) @AuthenticatedShopper Shopper shopper,
            @Valid @RequestBody(required = false) RequestDialog body) {
        RequestDialog request = body == null ? new RequestDialog(null, null, null, null, null) : body;
        return dialogs.request(shopper, new DialogService.Request(request.expert(), request.store(), request.message(),
                Boolean.TRUE.equals(request.textOnly()), request.pageUrl()));
    }

    /** One page of the dialog's timeline, by sequence; read on after nextAfterSeq while hasMore. */
    @GetMapping("/{id}")
    ResponseEntity<DialogTranscript> transcript(@Parameter(hidden = true) @AuthenticatedShopper Shopper shopper,
            @PathVariable UUID id,
            @Parameter(description = TranscriptPageResponse.AFTER_SEQ) @RequestParam(defaultValue = "0") @Min(0) long afterSeq,
            @Parameter(description = TranscriptPageResponse.LIMIT) @RequestParam(defaultValue = "1000") @Min(1)
            @Max(DialogTranscript.MAX_PAGE) int limit) {
        return TranscriptPageResponse.of(dialogs.transcript(id, actor(shopper), afterSeq, limit));
    }

    @PostMapping("/{id}/end")
    DialogView end(@Parameter(hidden = true) @AuthenticatedShopper Shopper shopper, @PathVariable UUID id) {
        return dialogs.end(id, actor(shopper));
    }

    @PostMapping("/{id}/rating")
    DialogView rate(@Parameter(hidden = true) @AuthenticatedShopper Shopper shopper, @PathVariable UUID id,
            @Valid @RequestBody Rating rating) {
        return dialogs.rate(id, shopper, rating.score(), rating.comment());
    }

    /** The Host gets a shareable link for friends; it replaces any earlier link of this dialog. */
    @PostMapping("/{id}/invite")
    @ResponseStatus(HttpStatus.CREATED)
    InviteLink invite(@Parameter(hidden = true) @AuthenticatedShopper Shopper shopper, @PathVariable UUID id) {
        CoopService.Invitation invitation = coop.invite(id, shopper);
        String url = publicUrl.of("/join/" + invitation.token());
        return new InviteLink(url, invitation.expiresAt());
    }

    /** The Host revokes the link: nobody else can join through it. */
    @DeleteMapping("/{id}/invite")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@Parameter(hidden = true) @AuthenticatedShopper Shopper shopper, @PathVariable UUID id) {
        coop.revoke(id, shopper);
    }

    /** A Guest leaves the stream; it goes on for the others. */
    @PostMapping("/{id}/leave")
    DialogView leave(@Parameter(hidden = true) @AuthenticatedShopper Shopper shopper, @PathVariable UUID id) {
        return coop.leave(id, shopper);
    }

    /** A Guest who left comes back, if the stream has room. */
    @PostMapping("/{id}/rejoin")
    DialogView rejoin(@Parameter(hidden = true) @AuthenticatedShopper Shopper shopper, @PathVariable UUID id) {
        return coop.rejoin(id, shopper);
    }

    @PostMapping("/{id}/mode")
    DialogView mode(@Parameter(hidden = true) @AuthenticatedShopper Shopper shopper, @PathVariable UUID id,
            @Valid @RequestBody ModeChange change) {
        return dialogs.setMode(id, actor(shopper), change.mode());
    }

    @PostMapping("/{id}/reports")
    @ResponseStatus(HttpStatus.CREATED)
    ReportService.Filed report(@Parameter(hidden = true) @AuthenticatedShopper Shopper shopper, @PathVariable UUID id,
            @Valid @RequestBody ProblemReportRequest report) {
        return reports.report(id, actor(shopper), report.text(), report.context());
    }

    private static Actor.Shopper actor(Shopper shopper) {
        return new Actor.Shopper(shopper.id(), shopper.merchantId());
    }

    /**
     * {@code expert} is the handle a button targets, {@code store} a store name; {@code message} is optional;
     * {@code pageUrl} is the address of the page whose button was clicked, shown to the merchant's staff.
     */
    record RequestDialog(@Size(max = 40) String expert, @Size(max = 80) String store,
            @Size(max = DialogService.MAX_MESSAGE_LENGTH) String message, Boolean textOnly,
            @Size(max = 500) String pageUrl) {}

    record InviteLink(String url, Instant expiresAt) {}

    record Rating(@NotNull @Min(1) @Max(5) Integer score, @Size(max = 1000) String comment) {}
}
