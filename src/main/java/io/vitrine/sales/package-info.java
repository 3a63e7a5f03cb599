/**
 * Sales: orders placed through Vitrine or reported by the merchant's shop (signed webhooks), their attribution to a
 * dialog, an expert and a store, the experts' attributable product shares (links and QR codes) and sales reports.
 */
@ApplicationModule(displayName = "Sales",
        allowedDependencies = {"catalog", "merchant", "notifications", "dialog", "shared"})
package io.vitrine.sales;

import org.springframework.modulith.ApplicationModule;
