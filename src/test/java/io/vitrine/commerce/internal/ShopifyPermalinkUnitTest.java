package io.vitrine.commerce.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vitrine.catalog.Money;
import io.vitrine.commerce.Cart;
import io.vitrine.commerce.CartLine;
import io.vitrine.shared.DomainException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ShopifyPermalinkUnitTest {

    private static final UUID DIALOG = UUID.fromString("5f0c2f5e-8a43-4f7e-9a55-2b1f0f7c8a10");
    private static final UUID EXPERT = UUID.fromString("0b7e2f5e-8a43-4f7e-9a55-2b1f0f7c8a11");

    private static CartLine line(String sku, int quantity) {
        Money price = new Money(2490, "EUR");
        return new CartLine(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), sku, "Tee", null, null, price,
                quantity, new Money(price.amountMinor() * quantity, "EUR"));
    }

    @Test
    void shouldListShopifyVariantsWithQuantitiesAndCarryDialogAndExpert() {
        Cart cart = new Cart(DIALOG, List.of(line("shopify-39072856", 2), line("shopify-40011", 1)), List.of());
        assertThat(ShopifyPermalink.of("demo-shop.myshopify.com", cart, DIALOG, EXPERT)).isEqualTo(
                "https://demo-shop.myshopify.com/cart/39072856:2,40011:1?attributes[vitrine_dialog]=" + DIALOG
                        + "&attributes[vitrine_expert]=" + EXPERT);
    }

    @Test
    void shouldLeaveOutTheExpertOfADialogWithoutOne() {
        Cart cart = new Cart(DIALOG, List.of(line("shopify-1", 1)), List.of());
        assertThat(ShopifyPermalink.of("shop.example", cart, DIALOG, null))
                .isEqualTo("https://shop.example/cart/1:1?attributes[vitrine_dialog]=" + DIALOG);
    }

    @Test
    void shouldRefuseLinesWithoutAShopifyVariantIdNamingThem() {
        Cart cart = new Cart(DIALOG, List.of(line("shopify-1", 1), line("VT-TEE-M", 1), line("shopify-12ab", 1)), List.of());
        assertThatThrownBy(() -> ShopifyPermalink.of("shop.example", cart, DIALOG, EXPERT))
                .isInstanceOf(DomainException.class).hasMessageContaining("VT-TEE-M").hasMessageContaining("shopify-12ab");
    }

    @Test
    void shouldRefuseWithoutAShopDomain() {
        Cart cart = new Cart(DIALOG, List.of(line("shopify-1", 1)), List.of());
        assertThatThrownBy(() -> ShopifyPermalink.of(" ", cart, DIALOG, EXPERT)).isInstanceOf(DomainException.class)
                .hasMessageContaining("domain");
    }
}
