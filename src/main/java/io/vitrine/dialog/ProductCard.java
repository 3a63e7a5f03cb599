package io.vitrine.dialog;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A product as it was shown in a dialog: what every participant's chat shows (image, title, price, link), stored
 * with the timeline event so the card stays as it was even when the catalog changes later.
 */
public record ProductCard(UUID productId, @Nullable String sku, String title, @Nullable String image,
        @Nullable String url, long priceMinor, String currency) {}
