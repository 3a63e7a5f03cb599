package io.vitrine.inquiries.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vitrine.inquiries.InquiryStatus;
import io.vitrine.inquiries.internal.Inquiry;
import io.vitrine.inquiries.internal.InquiryService;
import io.vitrine.merchant.StaffPrincipal;
import io.vitrine.shared.DomainException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Admins list and decide the requests of their merchant, and choose who receives them. */
@RestController
@RequestMapping("/api/v1/inquiries")
@Tag(name = "Requests")
@SecurityRequirement(name = "staffSession")
class InquiryAdminController {

    private final InquiryService inquiries;

    InquiryAdminController(InquiryService inquiries) {
        this.inquiries = inquiries;
    }

    record ConfirmRequest(@NotBlank @Size(max = 40) String expert, Instant start) {}

    record DeclineRequest(@Size(max = 500) String reason) {}

    record SettingsRequest(@NotNull Boolean enabled, @NotNull UUID accountMemberId, @NotBlank @Size(max = 64) String zone) {}

    @GetMapping
    @Operation(summary = "The merchant's requests, newest first (admins)")
    List<Inquiry> list(@Parameter(hidden = true) @AuthenticationPrincipal StaffPrincipal staff,
            @RequestParam(required = false) InquiryStatus status) {
        return inquiries.list(staff, status);
    }

    @PostMapping("/{id}/confirm")
    @Operation(summary = "Books the requested time (or `start`) with the expert; the requester gets the invitation; "
            + "409 slot_taken or 400 when the time is not a free slot of the expert")
    Inquiry confirm(@Parameter(hidden = true) @AuthenticationPrincipal StaffPrincipal staff, @PathVariable UUID id,
            @Valid @RequestBody ConfirmRequest request) {
        return inquiries.confirm(staff, id, request.expert(), request.start());
    }

    @PostMapping("/{id}/decline")
    @Operation(summary = "Declines an appointment or video chat request; the requester is emailed")
    Inquiry decline(@Parameter(hidden = true) @AuthenticationPrincipal StaffPrincipal staff, @PathVariable UUID id,
            @Valid @RequestBody(required = false) DeclineRequest request) {
        return inquiries.decline(staff, id, request == null ? null : request.reason());
    }

    @PostMapping("/{id}/handled")
    @Operation(summary = "Marks an email inquiry handled")
    Inquiry handled(@Parameter(hidden = true) @AuthenticationPrincipal StaffPrincipal staff, @PathVariable UUID id) {
        return inquiries.markHandled(staff, id);
    }

    @GetMapping("/settings")
    @Operation(summary = "Whether the request page is on, who receives the requests, the brand's time zone")
    InquiryService.Settings settings(@Parameter(hidden = true) @AuthenticationPrincipal StaffPrincipal staff) {
        return inquiries.settings(staff);
    }

    @PutMapping("/settings")
    @Operation(summary = "Turns the request page on or off, chooses the team member whose login email receives the "
            + "requests (the brand's account) and the brand's time zone")
    InquiryService.Settings saveSettings(@Parameter(hidden = true) @AuthenticationPrincipal StaffPrincipal staff,
            @Valid @RequestBody SettingsRequest request) {
        ZoneId zone;
        try {
            zone = ZoneId.of(request.zone().strip());
        } catch (DateTimeException e) {
            throw DomainException.invalidField("zone", "'" + request.zone() + "' is not a time zone like Europe/Berlin.");
        }
        return inquiries.saveSettings(staff, request.enabled(), request.accountMemberId(), zone);
    }
}
