package io.vitrine.commerce;

/** How the Host's cart leaves the dialog. */
public enum CartHandoff {
    /** A Shopify cart permalink on the merchant's shop domain, carrying the dialog and expert as cart attributes. */
    SHOPIFY,
    /** The embed script raises the DOM event {@code vitrine:cart} on the shop's page; the shop fills its own cart. */
    GENERIC,
    /** Vitrine's own checkout, for merchants without a shop. */
    VITRINE
}
