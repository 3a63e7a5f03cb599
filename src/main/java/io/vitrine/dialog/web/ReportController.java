package io.vitrine.dialog.web;

import io.vitrine.dialog.ProblemReport;
import io.vitrine.dialog.internal.ReportService;
import io.vitrine.merchant.StaffPrincipal;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Problem reports of the admin's merchant, newest first. */
@RestController
@RequestMapping("/api/v1/reports")
class ReportController {

    private final ReportService reports;

    ReportController(ReportService reports) {
        this.reports = reports;
    }

    @GetMapping
    List<ProblemReport> list(@AuthenticationPrincipal StaffPrincipal principal,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        return reports.list(StaffDialogController.actor(principal), limit);
    }
}
