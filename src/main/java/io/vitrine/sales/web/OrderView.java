package io.vitrine.sales.web;

import io.vitrine.catalog.Money;
import io.vitrine.sales.Attribution;
import io.vitrine.sales.Buyer;
import io.vitrine.sales.Order;
import io.vitrine.sales.OrderLine;
import io.vitrine.sales.OrderSource;
import io.vitrine.sales.OrderStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An order as the API shows it; {@code buyer} is personal data and only admins get it. */
record OrderView(UUID id, long number, OrderSource source, @Nullable String externalId, OrderStatus status,
        @Nullable Buyer buyer, List<OrderLine> lines, Money total, Attribution attribution, Instant placedAt) {

    static OrderView of(Order o, boolean admin) {
        return new OrderView(o.id(), o.number(), o.source(), o.externalId(), o.status(), admin ? o.buyer() : null,
                o.lines(), o.total(), o.attribution(), o.placedAt());
    }
}
