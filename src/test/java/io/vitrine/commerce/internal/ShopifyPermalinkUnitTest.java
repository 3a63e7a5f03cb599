package io.vitrine.commerce.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vitrine.catalog.Money;
import io.vitrine.commerce.Cart;
import io.vitrine.commerce.CartLine;
import io.vitrine.shared.DomainException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ShopifyPermalinkUnitTest {

    private static final UUID DIALOG = UUID.fromString("5f0c2f5e-8a43-4f7e-9a55-2b1f0f7c8a10");
    private static final UUID EXPERT = UUID.fromString("0b7e2f5e-8a43-4f7e-9a55-2b1f0f7c8a11");

    private static CartLine line(String sku, int quantity) {
        Money price = new Money(2490, "EUR");
        return new CartLine(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), sku, "Tee", null, null, price,
                quantity, new Money(price.amountMinor() * quantity, "EUR"));
    }

    /** The catalog as the permalink sees it: merchant SKU → Shopify variant id. */
    private static final Map<String, String> SHOPIFY_IDS = Map.of("TEE-NAVY-M", "39072856", "TEE-NAVY-L", "40011",
            "CAP", "1", "BAD", "12ab");
    private static final Function<CartLine, String> IDS = line -> SHOPIFY_IDS.get(line.sku());

    @Test
    void shouldListShopifyVariantsWithQuantitiesAndCarryDialogAndExpert() {
        Cart cart = new Cart(DIALOG, List.of(line("TEE-NAVY-M", 2), line("TEE-NAVY-L", 1)), List.of());
        assertThat(ShopifyPermalink.of("demo-shop.myshopify.com", cart, IDS, DIALOG, EXPERT)).isEqualTo(
                "https://demo-shop.myshopify.com/cart/39072856:2,40011:1?attributes[vitrine_dialog]=" + DIALOG
                        + "&attributes[vitrine_expert]=" + EXPERT);
    }

    @Test
    void shouldLeaveOutTheExpertOfADialogWithoutOne() {
        Cart cart = new Cart(DIALOG, List.of(line("CAP", 1)), List.of());
        assertThat(ShopifyPermalink.of("shop.example", cart, IDS, DIALOG, null))
                .isEqualTo("https://shop.example/cart/1:1?attributes[vitrine_dialog]=" + DIALOG);
    }

    @Test
    void shouldRefuseLinesWithoutAShopifyVariantIdNamingThem() {
        Cart cart = new Cart(DIALOG, List.of(line("CAP", 1), line("VT-TEE-M", 1), line("BAD", 1)), List.of());
        assertThatThrownBy(() -> ShopifyPermalink.of("shop.example", cart, IDS, DIALOG, EXPERT))
                .isInstanceOf(DomainException.class).hasMessageContaining("VT-TEE-M").hasMessageContaining("BAD");
    }

    @Test
    void shouldRefuseWithoutAShopDomain() {
        Cart cart = new Cart(DIALOG, List.of(line("CAP", 1)), List.of());
        assertThatThrownBy(() -> ShopifyPermalink.of(" ", cart, IDS, DIALOG, EXPERT)).isInstanceOf(DomainException.class)
                .hasMessageContaining("domain");
    }
}
