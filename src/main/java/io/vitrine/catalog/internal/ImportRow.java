package io.vitrine.catalog.internal;

import io.vitrine.catalog.Money;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One parsed row of an import file: a product and, when the row describes one, a variant of it. Null fields leave
 * what is stored unchanged on a re-import.
 */
record ImportRow(long line, ProductData product, @Nullable VariantData variant) {

    record ProductData(@Nullable String externalId, @Nullable String sku, @Nullable String title,
            @Nullable String description, @Nullable String url, List<String> images, Money price,
            @Nullable Boolean available, @Nullable Integer stock) {

        /** What a re-import matches on: the merchant's id, or the SKU when there is none. */
        String key() {
            return externalId != null ? externalId : sku;
        }
    }

    /** {@code shopifyVariantId}: Shopify's id of the variant, for the cart permalink; null keeps what is stored. */
    record VariantData(String sku, Map<String, String> options, Money price, @Nullable Integer stock,
            @Nullable Boolean available, @Nullable String shopifyVariantId) {}
}
