package io.vitrine.sales;

import io.vitrine.catalog.Money;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Published once a new order is stored (not when a shop reports the same order again). */
public record OrderPlaced(UUID merchantId, UUID orderId, long number, OrderSource source, Money total,
        @Nullable UUID dialogId, @Nullable UUID expertId) {}
