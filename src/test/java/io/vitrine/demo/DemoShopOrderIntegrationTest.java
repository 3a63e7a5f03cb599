package io.vitrine.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.merchant.MerchantApi;
import io.vitrine.merchant.TeamApi;
import io.vitrine.support.Api;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The demo shop's "Place order": its server prices the cart from the catalog and reports the order through our signed
 * generic order webhook, so it is the expert's sale; the secret is made and kept on the server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:demo-orders;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "vitrine.demo=true"
})
class DemoShopOrderIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    MerchantApi merchants;

    @Autowired
    TeamApi team;

    @Autowired
    JdbcClient jdbc;

    @Test
    void shouldPostThePlacedOrderBackThroughTheSignedWebhookAsTheExpertsSale() {
        UUID merchant = merchants.findBySlug("demo").orElseThrow().id();
        UUID anna = team.findByHandle(merchant, "anna").orElseThrow().id();
        Api shopper = Api.anonymous(port);
        String page = shopper.get("/demo/cart").raw();
        assertThat(page).contains("demo-cart-place");

        var placed = shopper.post("/demo/cart/order", Map.of("expertId", anna.toString(),
                "lines", List.of(Map.of("sku", "VT-TEE-CLASSIC-NAV-M", "quantity", 2, "unitPriceMinor", 1))));
        assertThat(placed.status()).as(placed.raw()).isEqualTo(201);
        assertThat(placed.body().path("orderId").asString()).startsWith("demo-");
        long number = placed.body().path("number").asLong();
        assertThat(number).isPositive();

        Api admin = Api.staff(port, "admin@demo.test", "demo-admin");
        JsonNode order = admin.get("/api/v1/orders").body().valueStream()
                .filter(o -> o.path("number").asLong() == number).findFirst().orElseThrow();
        assertThat(order.path("source").asString()).isEqualTo("WEBHOOK");
        assertThat(order.path("externalId").asString()).isEqualTo(placed.body().path("orderId").asString());
        assertThat(order.path("attribution").path("expertId").asString()).isEqualTo(anna.toString());
        assertThat(order.path("total").path("amountMinor").asLong()).as("priced by the shop, not the browser").isEqualTo(4980);
        assertThat(order.path("lines").get(0).path("title").asString()).isEqualTo("Classic Cotton T-Shirt");
        assertThat(admin.get("/api/v1/sales/webhook-secrets").body().path("vitrine").asBoolean())
                .as("the demo made itself a secret").isTrue();
        assertThat(placed.raw()).doesNotContain("secret");

        assertThat(shopper.post("/demo/cart/order", Map.of("lines", List.of())).body().path("code").asString())
                .isEqualTo("empty_cart");
        assertThat(shopper.post("/demo/cart/order", Map.of("lines", List.of(Map.of("sku", "NOPE", "quantity", 1))))
                .status()).isEqualTo(404);
        assertThat(shopper.post("/demo/cart/order", Map.of("lines", List.of(Map.of("sku", "VT-TEE-CLASSIC-NAV-M",
                "quantity", 0)))).status()).isEqualTo(400);
        assertThat(Api.anonymous(port).post("/demo/cart/order", Map.of("lines", List.of())).status())
                .as("no CSRF token, no order").isEqualTo(403);
    }
}
