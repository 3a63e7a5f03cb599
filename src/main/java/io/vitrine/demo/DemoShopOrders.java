package io.vitrine.demo;

import io.vitrine.catalog.CatalogApi;
import io.vitrine.catalog.Money;
import io.vitrine.catalog.Product;
import io.vitrine.catalog.Variant;
import io.vitrine.merchant.MerchantApi;
import io.vitrine.sales.OrderWebhookSigner;
import io.vitrine.shared.DomainException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo shop's checkout: it prices the cart from its own catalog, as a real shop would, and reports the order
 * back to Vitrine through the generic signed order webhook ({@code POST /api/v1/webhooks/orders/demo}) over HTTP,
 * signed here on the server with the demo merchant's secret, so the order is attributed like any shop's.
 */
@Component
class DemoShopOrders {

    /** What the demo cart page sends: the lines it was handed (SKU and quantity) and the attribution hints. */
    record Checkout(@Nullable UUID dialogId, @Nullable UUID expertId, @Nullable List<Line> lines) {}

    record Line(@Nullable String sku, int quantity) {}

    /** What the demo cart page shows: the shop's order id and Vitrine's order number. */
    record Placed(String orderId, long number) {}

    private final MerchantApi merchants;
    private final CatalogApi catalog;
    private final OrderWebhookSigner signer;
    private final JsonMapper json;
    private final Environment environment;
    /** Made with the first order: a client's TLS set-up and selector thread are no work for the start. */
    private final SingletonSupplier<HttpClient> http = SingletonSupplier.of(() -> HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build());

    DemoShopOrders(MerchantApi merchants, CatalogApi catalog, OrderWebhookSigner signer, JsonMapper json,
            Environment environment) {
        this.merchants = merchants;
        this.catalog = catalog;
        this.signer = signer;
        this.json = json;
        this.environment = environment;
    }

    Placed place(Checkout checkout) {
        UUID merchantId = merchants.findBySlug(DemoSeeder.SLUG)
                .orElseThrow(() -> DomainException.notFound("The demo merchant")).id();
        if (checkout.lines() == null || checkout.lines().isEmpty()) {
            throw DomainException.conflict("empty_cart", "The cart is empty.");
        }
        String currency = null;
        List<Map<String, Object>> lines = new ArrayList<>();
        for (Line line : checkout.lines()) {
            if (line.sku() == null || line.sku().isBlank()) {
                throw DomainException.invalidField("lines", "Every line needs a SKU.");
            }
            if (line.quantity() < 1 || line.quantity() > 99) {
                throw DomainException.invalidField("lines", "A quantity is 1 to 99.");
            }
            Product product = catalog.findBySku(merchantId, line.sku(), null)
                    .orElseThrow(() -> DomainException.notFound("The product " + line.sku()));
            Money price = product.variants().stream().filter(v -> v.sku().equals(line.sku())).map(Variant::price)
                    .findFirst().orElse(product.price());
            if (currency != null && !currency.equals(price.currency())) {
                throw DomainException.conflict("mixed_currencies", "An order has one currency.");
            }
            currency = price.currency();
            lines.add(Map.of("sku", line.sku(), "title", product.title(), "quantity", line.quantity(),
                    "unitPrice", price.decimal()));
        }
        String orderId = "demo-" + UUID.randomUUID();
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("id", orderId);
        order.put("currency", currency);
        order.put("lines", lines);
        order.put("status", "PAID");
        if (checkout.dialogId() != null) {
            order.put("dialogId", checkout.dialogId().toString());
        }
        if (checkout.expertId() != null) {
            order.put("expertId", checkout.expertId().toString());
        }
        return new Placed(orderId, post(merchantId, json.writeValueAsBytes(order)));
    }

    /** Our own webhook, on loopback, exactly as a shop calls it; answers Vitrine's order number. */
    private long post(UUID merchantId, byte[] body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(local() + "/api/v1/webhooks/orders/" + DemoSeeder.SLUG))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                .header("Vitrine-Signature", signer.sign(merchantId, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            HttpResponse<String> response = http.obtain().send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode answer = json.readTree(response.body());
            if (response.statusCode() != 200) {
                throw DomainException.conflict("order_not_taken", "Vitrine did not take the order: "
                        + answer.path("detail").asString(String.valueOf(response.statusCode())));
            }
            return answer.path("number").asLong();
        } catch (IOException e) {
            throw DomainException.conflict("order_not_taken", "Vitrine could not be reached: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DomainException.conflict("order_not_taken", "Interrupted while sending the order.");
        }
    }

    private String local() {
        return "http://127.0.0.1:" + environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
    }
}
