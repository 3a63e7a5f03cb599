package io.vitrine.commerce;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A merchant's commerce settings: the hand-off, and the Shopify shop domain it needs (e.g. shop.myshopify.com). */
public record CommerceSettings(@NotNull CartHandoff cartHandoff,
        @Nullable @Size(max = 255) @Pattern(regexp = SHOP_DOMAIN, message = SHOP_DOMAIN_MESSAGE) String shopDomain) {

    /** A plain host name: no scheme, path, port or credentials can ride along into the permalink. */
    public static final String SHOP_DOMAIN = "([A-Za-z0-9-]+\\.)+[A-Za-z]{2,}";
    public static final String SHOP_DOMAIN_MESSAGE = "must be a shop's host name like shop.myshopify.com";

    public static CommerceSettings defaults() {
        return new CommerceSettings(CartHandoff.GENERIC, null);
    }
}
