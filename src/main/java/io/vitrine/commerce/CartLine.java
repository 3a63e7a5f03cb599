package io.vitrine.commerce;

import io.vitrine.catalog.Money;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One line of a cart: a product (and variant, when it has variants) at the price it had when it was added.
 * {@code variant} describes the variant's options, e.g. "Size M · Navy".
 */
public record CartLine(UUID id, UUID productId, @Nullable UUID variantId, @Nullable String sku, String title,
        @Nullable String variant, @Nullable String image, Money unitPrice, int quantity, Money lineTotal) {}
