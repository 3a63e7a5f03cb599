package io.vitrine.sales;

import io.vitrine.catalog.Money;
import io.vitrine.shared.DomainException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A stored order; {@code number} is the merchant's human order number (1, 2, …). All lines are in the currency of
 * {@code total}.
 */
public record Order(UUID id, UUID merchantId, long number, OrderSource source, @Nullable String externalId,
        OrderStatus status, Buyer buyer, List<OrderLine> lines, Money total, Attribution attribution,
        Instant placedAt) {

    /** The order after a change of status, refused when the order cannot go there (a cancelled order stays so). */
    public Order moveTo(OrderStatus next) {
        if (!status.canMoveTo(next)) {
            throw DomainException.conflict("order_status",
                    "An order that is " + status + " cannot become " + next + ".");
        }
        return new Order(id, merchantId, number, source, externalId, next, buyer, lines, total, attribution, placedAt);
    }
}
