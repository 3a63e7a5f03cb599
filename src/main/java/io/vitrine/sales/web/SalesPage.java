package io.vitrine.sales.web;

import io.vitrine.merchant.Member;
import io.vitrine.merchant.MerchantApi;
import io.vitrine.merchant.StaffPrincipal;
import io.vitrine.merchant.TeamApi;
import io.vitrine.sales.Order;
import io.vitrine.sales.internal.Reports;
import io.vitrine.sales.internal.SalesService;
import io.vitrine.shared.DomainException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The dashboard's Sales page (admins): the report of a period, its orders, and one order in detail. */
@Controller
class SalesPage {

    private static final DateTimeFormatter UTC_MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private final MerchantApi merchants;
    private final TeamApi team;
    private final Reports reports;
    private final SalesService sales;
    private final Clock clock;

    SalesPage(MerchantApi merchants, TeamApi team, Reports reports, SalesService sales, Clock clock) {
        this.merchants = merchants;
        this.team = team;
        this.reports = reports;
        this.sales = sales;
        this.clock = clock;
    }

    @GetMapping("/admin/sales")
    String sales(@AuthenticationPrincipal StaffPrincipal caller,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
        if (caller == null) {
            return "redirect:/login";
        }
        if (!caller.isAdmin()) {
            return "redirect:/console";
        }
        LocalDate last = Admins.to(to, clock);
        LocalDate first = Admins.from(from, last);
        common(caller, model);
        model.addAttribute("from", first);
        model.addAttribute("to", last);
        try {
            model.addAttribute("report", reports.report(caller.merchantId(), first, last));
            model.addAttribute("orders", sales.placedBetween(caller.merchantId(), first.atStartOfDay(ZoneOffset.UTC).toInstant(),
                    last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), null, OrderController.PAGE));
        } catch (DomainException e) {
            model.addAttribute("error", e.getMessage());
        }
        return "sales";
    }

    @GetMapping("/admin/sales/orders/{id}")
    String order(@AuthenticationPrincipal StaffPrincipal caller, @PathVariable UUID id, Model model) {
        if (caller == null) {
            return "redirect:/login";
        }
        if (!caller.isAdmin()) {
            return "redirect:/console";
        }
        Order order = sales.require(caller.merchantId(), id);
        common(caller, model);
        model.addAttribute("order", order);
        return "sales-order";
    }

    private void common(StaffPrincipal caller, Model model) {
        model.addAttribute("memberName", caller.displayName());
        model.addAttribute("merchantName", merchants.get(caller.merchantId()).name());
        Map<UUID, String> names = team.members(caller.merchantId()).stream()
                .collect(Collectors.toMap(Member::id, Member::displayName));
        model.addAttribute("experts", names);
        model.addAttribute("utc", UTC_MINUTES);
    }
}
