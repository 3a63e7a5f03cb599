package io.vitrine.catalog;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A product as an admin creates or replaces it over the API: every field is given (a missing one is cleared), and the
 * variants listed are all the product's variants. Checked by the same rules as an import row.
 */
@Schema(description = "A whole product: what is left out is cleared; the variants listed replace the stored ones (matched by SKU)")
public record ProductInput(
        @Schema(description = "your own product id (up to 100 characters); id or sku is required", example = "tee-1") @Nullable String externalId,
        @Schema(description = "the product SKU, unique among the merchant's products", example = "TEE-1") @Nullable String sku,
        @Schema(description = "up to 300 characters", example = "Classic Tee") @Nullable String title,
        @Schema(description = "plain text, up to 10,000 characters") @Nullable String description,
        @Schema(description = "the product page: an http(s) address or a path on your site", example = "https://shop.example/tee") @Nullable String url,
        @Schema(description = "image addresses (http(s) or /path), at most 20") @Nullable List<String> images,
        @Schema(description = "price in the currency's minor units (cents); required without variants", example = "2490") @Nullable Long priceMinor,
        @Schema(description = "ISO 4217 code, for the product and its variants", example = "EUR") @Nullable String currency,
        @Schema(description = "default true") @Nullable Boolean available,
        @Schema(description = "0 or more; unknown when null") @Nullable Integer stock,
        @Schema(description = "at most 100; each with its own SKU") @Nullable List<VariantInput> variants) {

    public record VariantInput(
            @Schema(example = "TEE-1-M") @Nullable String sku,
            @Schema(description = "e.g. {\"Size\": \"M\", \"Color\": \"Navy\"}, in this order") @Nullable Map<String, String> options,
            @Schema(description = "price in minor units", example = "2490") @Nullable Long priceMinor,
            @Nullable Integer stock,
            @Schema(description = "default true") @Nullable Boolean available,
            @Schema(description = "Shopify's numeric variant id, for the Shopify cart hand-off", example = "39072856") @Nullable String shopifyVariantId) {}
}
