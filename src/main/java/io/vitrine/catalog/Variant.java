package io.vitrine.catalog;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One buyable version of a product, e.g. size M in navy; {@code options} keep the merchant's order.
 * {@code shopifyVariantId} is Shopify's numeric id of the variant when the catalog knows it (Shopify JSON import, or
 * the CSV column {@code shopify_variant_id}); the Shopify cart permalink is built from it.
 */
public record Variant(UUID id, String sku, Map<String, String> options, Money price, @Nullable Integer stock,
        boolean available,
        @Schema(description = "Shopify's numeric id of the variant, used in the Shopify cart permalink; null when unknown",
                example = "39072856") @Nullable String shopifyVariantId) {}
