package io.vitrine.catalog;

/** The file formats a catalog import reads. */
public enum ImportFormat {
    /** Vitrine's CSV, see docs/catalog.md. */
    CSV,
    /** Shopify's product JSON, the shape of a store's {@code /products.json}. */
    SHOPIFY,
    /** A Google Merchant Center feed: RSS 2.0 with the {@code g:} namespace. */
    GOOGLE
}
