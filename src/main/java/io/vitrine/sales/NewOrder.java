package io.vitrine.sales;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An order to place. {@code externalId} is the shop's own id (null for Vitrine's checkout); {@code dialogId},
 * {@code expertId} and {@code shareToken} are attribution hints, checked against the merchant's data: a hint that
 * does not belong to the merchant is dropped, never trusted.
 */
public record NewOrder(UUID merchantId, OrderSource source, @Nullable String externalId, OrderStatus status,
        Buyer buyer, List<OrderLine> lines, @Nullable UUID dialogId, @Nullable UUID expertId,
        @Nullable String shareToken) {

    public NewOrder {
        lines = lines == null ? List.of() : List.copyOf(lines);
        status = status == null ? OrderStatus.PLACED : status;
        buyer = buyer == null ? new Buyer(null, null, null) : buyer;
    }

    /** An order from Vitrine's own checkout, e.g. the Host's cart at the end of a dialog. */
    public static NewOrder checkout(UUID merchantId, Buyer buyer, List<OrderLine> lines, @Nullable UUID dialogId,
            @Nullable UUID expertId) {
        return new NewOrder(merchantId, OrderSource.CHECKOUT, null, OrderStatus.PLACED, buyer, lines, dialogId,
                expertId, null);
    }
}
