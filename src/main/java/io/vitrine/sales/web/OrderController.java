package io.vitrine.sales.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vitrine.merchant.StaffPrincipal;
import io.vitrine.sales.OrderStatus;
import io.vitrine.sales.internal.SalesService;
import io.vitrine.shared.DomainException;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Orders", description = "Orders with their attribution; the buyer's personal data is for admins only")
@RestController
@RequestMapping("/api/v1/orders")
class OrderController {

    static final int PAGE = 500;

    record StatusChange(@NotNull OrderStatus status) {}

    private final SalesService sales;
    private final Clock clock;

    OrderController(SalesService sales, Clock clock) {
        this.sales = sales;
        this.clock = clock;
    }

    @Operation(summary = "Orders of a period, newest first (at most 500)",
            description = "Admins get every order of the merchant with the buyer; an expert gets only the orders "
                    + "attributed to them, without the buyer. With dialogId: the orders of that dialog (admins).")
    @GetMapping
    List<OrderView> list(@AuthenticationPrincipal StaffPrincipal caller,
            @Parameter(description = "first day, UTC (default: 30 days before to)") @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @Parameter(description = "last day, UTC, inclusive (default: today)") @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) UUID dialogId) {
        if (dialogId != null) {
            Admins.require(caller, "see the orders of a dialog");
            return sales.ofDialog(caller.merchantId(), dialogId).stream().map(o -> OrderView.of(o, true)).toList();
        }
        LocalDate last = Admins.to(to, clock);
        LocalDate first = Admins.from(from, last);
        if (last.isBefore(first)) {
            throw DomainException.invalidField("to", "The end of the period comes after its start.");
        }
        var orders = sales.placedBetween(caller.merchantId(), first.atStartOfDay(ZoneOffset.UTC).toInstant(),
                last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), caller.isAdmin() ? null : caller.memberId(), PAGE);
        return orders.stream().map(o -> OrderView.of(o, caller.isAdmin())).toList();
    }

    @Operation(summary = "One order with its lines, buyer and attribution")
    @ApiResponse(responseCode = "404", description = "unknown order, one of another merchant, or (for an expert) not theirs")
    @GetMapping("/{id}")
    OrderView get(@AuthenticationPrincipal StaffPrincipal caller, @PathVariable UUID id) {
        var order = sales.require(caller.merchantId(), id);
        if (!caller.isAdmin() && !caller.memberId().equals(order.attribution().expertId())) {
            throw DomainException.notFound("The order");
        }
        return OrderView.of(order, caller.isAdmin());
    }

    @Operation(summary = "Move an order on (admins), e.g. to PAID, FULFILLED or CANCELLED")
    @ApiResponse(responseCode = "409", description = "the order cannot go there (order_status), e.g. a cancelled order")
    @PostMapping("/{id}/status")
    OrderView status(@AuthenticationPrincipal StaffPrincipal caller, @PathVariable UUID id,
            @Validated @RequestBody StatusChange change) {
        Admins.require(caller, "change an order");
        return OrderView.of(sales.changeStatus(caller.merchantId(), id, change.status()), true);
    }
}
