package io.vitrine.catalog;

import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One buyable version of a product, e.g. size M in navy; {@code options} keep the merchant's order. */
public record Variant(UUID id, String sku, Map<String, String> options, Money price, @Nullable Integer stock,
        boolean available) {}
