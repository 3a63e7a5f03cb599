/**
 * Vitrine's own checkout, for merchants without a shop: the Host of a dialog turns the dialog's cart (the server's
 * copy) into an order attributed to the dialog and its expert.
 */
@ApplicationModule(displayName = "Checkout", allowedDependencies = {"commerce", "sales", "dialog", "catalog",
        "shopper", "shared"})
package io.vitrine.checkout;

import org.springframework.modulith.ApplicationModule;
