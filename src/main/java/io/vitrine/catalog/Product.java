package io.vitrine.catalog;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A product of one merchant. {@code externalId} is the merchant's own id (from the import), {@code url} the product
 * page on the merchant's site; {@code price} is the lowest variant price when there are variants.
 * {@code favourite} says whether the expert who asked has favourited it. An {@code archived} product was deleted by
 * an admin: search and the picker no longer list it, but what was shown or sold earlier still finds it by id or SKU.
 */
public record Product(UUID id, @Nullable String externalId, @Nullable String sku, String title,
        @Nullable String description, @Nullable String url, List<String> images, Money price, boolean available,
        @Nullable Integer stock, List<Variant> variants, boolean favourite, boolean archived) {}
