package io.vitrine.sales.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vitrine.merchant.StaffPrincipal;
import io.vitrine.sales.SalesReport;
import io.vitrine.sales.internal.Reports;
import io.vitrine.sales.internal.WebhookService;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Sales", description = "The sales report and the order webhook secrets (admins)")
@RestController
@RequestMapping("/api/v1/sales")
class SalesSettingsController {

    record SecretChange(@Nullable String secret) {}

    private final Reports reports;
    private final WebhookService webhooks;
    private final Clock clock;

    SalesSettingsController(Reports reports, WebhookService webhooks, Clock clock) {
        this.reports = reports;
        this.webhooks = webhooks;
        this.clock = clock;
    }

    @Operation(summary = "Orders and revenue per currency, per expert and per store, and the conversion from dialogs to orders")
    @GetMapping("/report")
    SalesReport report(@AuthenticationPrincipal StaffPrincipal caller,
            @Parameter(description = "first day, UTC (default: 30 days before to)") @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @Parameter(description = "last day, UTC, inclusive (default: today)") @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        Admins.require(caller, "read the sales report");
        LocalDate last = Admins.to(to, clock);
        return reports.report(caller.merchantId(), Admins.from(from, last), last);
    }

    @Operation(summary = "Which webhook secrets are set (never the secrets themselves)")
    @GetMapping("/webhook-secrets")
    Map<String, Boolean> secrets(@AuthenticationPrincipal StaffPrincipal caller) {
        Admins.require(caller, "see the webhook settings");
        return Map.of("shopify", webhooks.isSet(caller.merchantId(), "shopify"),
                "vitrine", webhooks.isSet(caller.merchantId(), "vitrine"));
    }

    @Operation(summary = "Set (or, with an empty secret, remove) a webhook secret: shopify or vitrine; write-only")
    @PutMapping("/webhook-secrets/{kind}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void setSecret(@AuthenticationPrincipal StaffPrincipal caller, @PathVariable String kind,
            @RequestBody SecretChange change) {
        Admins.require(caller, "set webhook secrets");
        webhooks.setSecret(caller.merchantId(), kind, change.secret());
    }
}
