package io.vitrine.catalog.internal;

import org.jspecify.annotations.Nullable;

/**
 * What an upload says besides the file: Shopify's product JSON names neither the shop's currency nor its address,
 * so product page links are made from {@code siteUrl} and the handle.
 */
public record ImportOptions(String currency, @Nullable String siteUrl) {}
