package io.vitrine.sales;

import java.util.Set;

/** The life of an order; {@link #canMoveTo} is the only way between them. */
public enum OrderStatus {
    PLACED, PAID, FULFILLED, CANCELLED, REFUNDED;

    public boolean canMoveTo(OrderStatus next) {
        return next == this || switch (this) {
            case PLACED -> Set.of(PAID, FULFILLED, CANCELLED).contains(next);
            case PAID -> Set.of(FULFILLED, CANCELLED, REFUNDED).contains(next);
            case FULFILLED -> next == REFUNDED;
            case CANCELLED, REFUNDED -> false;
        };
    }

    /** Cancelled and refunded orders are no revenue. */
    public boolean counts() {
        return this != CANCELLED && this != REFUNDED;
    }
}
