/**
 * Shoppers: their browser-held identity, screen name, personal data and consent.
 */
@ApplicationModule(displayName = "Shoppers", allowedDependencies = {"merchant", "shared"})
package io.vitrine.shopper;

import org.springframework.modulith.ApplicationModule;
