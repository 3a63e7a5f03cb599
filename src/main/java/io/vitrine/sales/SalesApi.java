package io.vitrine.sales;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Orders as other modules see them; every call is scoped to one merchant. */
public interface SalesApi {

    /**
     * Validates and stores the order, queues the buyer's confirmation email and publishes {@link OrderPlaced}.
     * An order whose source and external id the merchant already has is returned as it is, not stored twice.
     */
    Order placeOrder(NewOrder order);

    Optional<Order> find(UUID merchantId, UUID orderId);

    /** The orders attributed to a dialog, oldest first. */
    List<Order> ofDialog(UUID merchantId, UUID dialogId);
}
