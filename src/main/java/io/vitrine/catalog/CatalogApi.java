package io.vitrine.catalog;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The catalog as other modules see it. Every call is scoped to one merchant: another merchant's product is simply
 * not found. {@code memberId} is the asking team member, whose favourites are marked and come first. A product an
 * admin deleted is archived: search and favourites leave it out, while {@link #findById} and {@link #findBySku} still
 * answer it (with {@code archived} set) for the cards, carts, orders and shares made before.
 */
public interface CatalogApi {

    Optional<Product> findById(UUID merchantId, UUID productId, @Nullable UUID memberId);

    /** The product with this product SKU, or the product one of whose variants has this SKU. */
    Optional<Product> findBySku(UUID merchantId, String sku, @Nullable UUID memberId);

    /** Search by title, SKU and words of the description; a blank query lists everything. */
    ProductPage search(UUID merchantId, @Nullable UUID memberId, @Nullable String query, int page, int size);

    List<Product> favourites(UUID merchantId, UUID memberId);

    /** Marks or unmarks a product as the member's favourite (idempotent); an unknown product is not found. */
    void setFavourite(UUID merchantId, UUID memberId, UUID productId, boolean favourite);

    /** Imports a file right away in the caller's thread (demo data, tests); the job is recorded like any other. */
    ImportJob importNow(UUID merchantId, InputStream file, ImportFormat format, @Nullable String fileName);
}
