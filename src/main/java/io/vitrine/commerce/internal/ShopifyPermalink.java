package io.vitrine.commerce.internal;

import io.vitrine.commerce.Cart;
import io.vitrine.commerce.CartLine;
import io.vitrine.shared.DomainException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A Shopify cart permalink ({@code https://SHOP/cart/VARIANT:QTY,...}) with the dialog and the expert as cart
 * attributes, so the order Shopify creates from it can be attributed. Pure: no I/O; the Shopify variant id of each
 * line is looked up by the caller (the catalog keeps it per variant).
 */
final class ShopifyPermalink {

    private ShopifyPermalink() {}

    /** {@code shopifyVariantIds} gives a line's Shopify variant id, or null when the catalog does not know it. */
    static String of(String shopDomain, Cart cart, Function<CartLine, String> shopifyVariantIds, UUID dialogId,
            UUID expertId) {
        if (shopDomain == null || shopDomain.isBlank()) {
            throw DomainException.conflict("no_shop_domain", "The shop's Shopify domain is not set in the settings.");
        }
        List<String> missing = new ArrayList<>();
        String items = cart.lines().stream().map(line -> {
            String id = shopifyVariantIds.apply(line);
            if (id == null || !id.matches("[0-9]{1,20}")) {
                missing.add(line.sku() == null ? line.title() : line.sku());
            }
            return id + ":" + line.quantity();
        }).collect(Collectors.joining(","));
        if (!missing.isEmpty()) {
            throw DomainException.conflict("no_shopify_variant",
                    "These products have no Shopify variant id: " + String.join(", ", missing) + ".");
        }
        return "https://" + shopDomain + "/cart/" + items + "?attributes[vitrine_dialog]=" + dialogId
                + (expertId == null ? "" : "&attributes[vitrine_expert]=" + expertId);
    }
}
