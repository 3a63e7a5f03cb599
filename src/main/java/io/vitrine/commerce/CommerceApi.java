package io.vitrine.commerce;

import java.util.UUID;

/** The cart of a dialog as other modules (checkout, orders) read it; the server's copy, never the client's. */
public interface CommerceApi {

    /** The dialog's cart; empty when nothing was added. */
    Cart cart(UUID dialogId);

    /** How the merchant's carts leave the dialog. */
    CommerceSettings settings(UUID merchantId);

    /**
     * Empties the dialog's cart once its lines became an order, and tells the Host and the expert. Returns how many
     * lines were removed: 0 when another request emptied it first (the caller must not place the order twice).
     */
    int clearCart(UUID dialogId);
}
