/**
 * The product catalog of each merchant: products with variants, imports from CSV, Shopify product JSON and Google
 * Merchant Center feeds (run as jobs with progress), search, and each expert's favourites.
 */
@ApplicationModule(displayName = "Catalog", allowedDependencies = {"merchant", "shared"})
package io.vitrine.catalog;

import org.springframework.modulith.ApplicationModule;
