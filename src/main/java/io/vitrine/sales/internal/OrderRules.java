package io.vitrine.sales.internal;

import io.vitrine.catalog.Money;
import io.vitrine.sales.NewOrder;
import io.vitrine.sales.OrderLine;
import io.vitrine.sales.OrderSource;
import io.vitrine.shared.DomainException;
import java.util.regex.Pattern;

/** What an order must be before it is stored: a pure check, no I/O. */
final class OrderRules {

    static final int MAX_LINES = 200;
    static final int MAX_QUANTITY = 10_000;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private OrderRules() {}

    /** The order's total; refuses an order without lines, with odd quantities, mixed currencies or a bad buyer. */
    static Money check(NewOrder order) {
        if (order.lines().isEmpty()) {
            throw DomainException.invalidField("lines", "An order needs at least one line.");
        }
        if (order.lines().size() > MAX_LINES) {
            throw DomainException.invalidField("lines", "An order has at most " + MAX_LINES + " lines.");
        }
        String currency = order.lines().getFirst().unitPrice().currency();
        long total = 0;
        for (OrderLine line : order.lines()) {
            if (line.title() == null || line.title().isBlank() || line.title().length() > 300) {
                throw DomainException.invalidField("lines", "Every line needs a title of at most 300 characters.");
            }
            if (line.quantity() < 1 || line.quantity() > MAX_QUANTITY) {
                throw DomainException.invalidField("lines", "Quantities are between 1 and " + MAX_QUANTITY + ".");
            }
            if (line.unitPrice().amountMinor() < 0) {
                throw DomainException.invalidField("lines", "Prices are never negative.");
            }
            if (!line.unitPrice().currency().equals(currency)) {
                throw DomainException.invalidField("lines", "All lines of an order are in one currency.");
            }
            total = Math.addExact(total, line.total().amountMinor());
        }
        checkBuyer(order);
        if (order.source() != OrderSource.CHECKOUT && (order.externalId() == null || order.externalId().isBlank())) {
            throw DomainException.invalidField("id", "An order from a shop needs the shop's order id.");
        }
        if (order.externalId() != null && order.externalId().length() > 120) {
            throw DomainException.invalidField("id", "The order id has at most 120 characters.");
        }
        return new Money(total, currency);
    }

    private static void checkBuyer(NewOrder order) {
        var buyer = order.buyer();
        if (order.source() == OrderSource.CHECKOUT) {
            if (buyer.name() == null || buyer.name().isBlank()) {
                throw DomainException.invalidField("buyer.name", "Please enter the buyer's name.");
            }
            if (buyer.email() == null || buyer.email().isBlank()) {
                throw DomainException.invalidField("buyer.email", "Please enter the buyer's email address.");
            }
        }
        if (buyer.email() != null && !buyer.email().isBlank()
                && (buyer.email().length() > 320 || !EMAIL.matcher(buyer.email().strip()).matches())) {
            throw DomainException.invalidField("buyer.email", "Please enter an email address like name@example.com.");
        }
        if (buyer.name() != null && buyer.name().length() > 200) {
            throw DomainException.invalidField("buyer.name", "The name has at most 200 characters.");
        }
        if (buyer.address() != null && buyer.address().length() > 1000) {
            throw DomainException.invalidField("buyer.address", "The address has at most 1000 characters.");
        }
    }
}
