package io.vitrine.inquiries.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vitrine.inquiries.InquiryKind;
import io.vitrine.inquiries.internal.InquiryService;
import io.vitrine.shared.DomainException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The public request page's API: no login; limited per address; a merchant with the page off has none (404). */
@RestController
@RequestMapping("/api/v1/requests/{merchant}")
@Tag(name = "Requests")
class PublicRequestController {

    private final InquiryService inquiries;

    PublicRequestController(InquiryService inquiries) {
        this.inquiries = inquiries;
    }

    record RequestForm(@NotNull InquiryKind kind,
            @NotBlank @Size(max = 80) String name,
            @NotBlank @Email(regexp = ".+@[^@\\s]+\\.[^@\\s]+", message = "must be an email address like name@example.com")
            @Size(max = 254) String email,
            @Size(max = 40) @Pattern(regexp = "[+0-9 ()./-]*", message = "may hold only digits, spaces and + ( ) . / -") String phone,
            @Size(max = 120) String company,
            @Size(max = 1000) String message,
            @Schema(description = "the requested start, for APPOINTMENT and VIDEO") Instant start,
            @NotBlank @Size(max = 64) @Schema(example = "Europe/Berlin") String zone,
            @Schema(description = "leave empty: a honeypot for bots") @Size(max = 200) String website) {}

    @GetMapping
    @Operation(summary = "The merchant's name and time zone, for the request page")
    InquiryService.PageInfo page(@PathVariable String merchant) {
        return inquiries.page(merchant);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Sends the merchant an appointment request, an email inquiry or a video chat request; "
            + "429 rate_limited when the address sent too many")
    InquiryService.Submitted submit(@PathVariable String merchant, @Valid @RequestBody RequestForm form,
            HttpServletRequest request) {
        var submission = new InquiryService.Submission(form.kind(), form.name().strip(), form.email().strip(),
                form.phone(), form.company(), form.message(), form.start(), zone(form.zone()));
        return inquiries.submit(merchant, submission, request.getRemoteAddr(),
                form.website() != null && !form.website().isBlank());
    }

    private static ZoneId zone(String name) {
        try {
            if (name.contains("/") || name.equals("UTC")) {
                return ZoneId.of(name.strip());
            }
        } catch (DateTimeException e) {
            // reported below
        }
        throw DomainException.invalidField("zone", "'" + name + "' is not a time zone like Europe/Berlin.");
    }
}
