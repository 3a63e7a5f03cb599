package io.vitrine.sales;

import static io.vitrine.sales.SalesFixtures.post;
import static io.vitrine.sales.SalesFixtures.shopifyHmac;
import static io.vitrine.sales.SalesFixtures.shopifyOrder;
import static io.vitrine.sales.SalesFixtures.vitrineSignature;
import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.support.Api;
import io.vitrine.support.IntegrationTest;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Order webhooks through the real server: signatures, replays, idempotency, attribution and tenancy. */
class SalesWebhooksIntegrationTest extends IntegrationTest {

    private static final String SHOPIFY_SECRET = "shpss_0123456789abcdef";
    private static final String VITRINE_SECRET = "whsec_0123456789abcdef";

    @Autowired
    JdbcClient jdbc;

    @Test
    void shouldKeepTheWebhookSecretsEncryptedInTheDatabase() {
        Shop shop = shop("anna");
        Api admin = shop.staff("admin");
        SalesFixtures.setSecret(admin, "shopify", SHOPIFY_SECRET);
        SalesFixtures.setSecret(admin, "vitrine", VITRINE_SECRET);

        var stored = jdbc.sql("select secret from sales_sealed_webhook_secret where merchant_id = ?")
                .param(shop.merchant().id()).query(String.class).list();
        assertThat(jdbc.sql("select count(*) from sales_webhook_secret where merchant_id = ?")
                .param(shop.merchant().id()).query(Long.class).single()).as("nothing in the old plain table").isZero();
        assertThat(stored).hasSize(2).allSatisfy(secret -> assertThat(secret).startsWith("v1:")
                .doesNotContain(SHOPIFY_SECRET).doesNotContain(VITRINE_SECRET).doesNotContain("0123456789abcdef"));
        assertThat(admin.get("/api/v1/sales/webhook-secrets").body().toString()).doesNotContain("0123456789abcdef");

        String body = shopifyOrder(5101, "EUR", "19.90");
        Api.Response taken = post(port, "/api/v1/webhooks/shopify/" + shop.slug() + "/orders", body,
                "X-Shopify-Hmac-Sha256", shopifyHmac(SHOPIFY_SECRET, body), "X-Shopify-Webhook-Id", "wh-sealed");
        assertThat(taken.status()).as("the sealed secret still checks signatures: " + taken.raw()).isEqualTo(200);
    }

    @Test
    void shouldTakeASignedShopifyOrderOnceAndAttributeItByItsNoteAttributes() {
        Shop shop = shop("anna");
        Api admin = shop.staff("admin");
        SalesFixtures.setSecret(admin, "shopify", SHOPIFY_SECRET);
        UUID anna = shop.memberId("anna");
        UUID dialog = UUID.randomUUID();
        String body = shopifyOrder(5001, "EUR", "19.90", "vitrine_dialog", dialog.toString(), "vitrine_expert", anna.toString());
        String url = "/api/v1/webhooks/shopify/" + shop.slug() + "/orders";

        Api.Response taken = post(port, url, body, "X-Shopify-Hmac-Sha256", shopifyHmac(SHOPIFY_SECRET, body),
                "X-Shopify-Webhook-Id", "wh-1", "X-Shopify-Triggered-At", Instant.now().toString());
        assertThat(taken.status()).as(taken.raw()).isEqualTo(200);
        String orderId = taken.body().get("id").asString();

        Api.Response replayed = post(port, url, body, "X-Shopify-Hmac-Sha256", shopifyHmac(SHOPIFY_SECRET, body),
                "X-Shopify-Webhook-Id", "wh-1");
        assertThat(replayed.status()).isEqualTo(409);
        assertThat(replayed.body().get("code").asString()).isEqualTo("webhook_replayed");
        Api.Response again = post(port, url, body, "X-Shopify-Hmac-Sha256", shopifyHmac(SHOPIFY_SECRET, body),
                "X-Shopify-Webhook-Id", "wh-2");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("id").asString()).as("the same Shopify order stays one order").isEqualTo(orderId);

        JsonNode orders = admin.get("/api/v1/orders").body();
        assertThat(orders).hasSize(1);
        JsonNode order = orders.get(0);
        assertThat(order.get("source").asString()).isEqualTo("SHOPIFY");
        assertThat(order.get("status").asString()).isEqualTo("PAID");
        assertThat(order.get("number").asLong()).isEqualTo(1);
        assertThat(order.get("total").get("amountMinor").asLong()).isEqualTo(3980);
        assertThat(order.get("attribution").get("expertId").asString()).isEqualTo(anna.toString());
        assertThat(order.get("attribution").get("dialogId").asString()).isEqualTo(dialog.toString());
        assertThat(order.get("buyer").get("email").asString()).isEqualTo("jon@buyer.example");
        assertThat(order.get("buyer").get("address").asString()).isEqualTo("12 Secret Lane, 69001 Lyon, France");
        assertThat(admin.get("/api/v1/orders?dialogId=" + dialog).body()).hasSize(1);

        Api.Response expertView = shop.staff("anna").get("/api/v1/orders");
        assertThat(expertView.body()).hasSize(1);
        assertThat(expertView.body().get(0).get("buyer").isNull()).isTrue();
        assertThat(expertView.raw()).doesNotContain("jon@buyer.example").doesNotContain("Secret Lane");
        assertThat(shop.staff("anna").get("/api/v1/orders/" + orderId).raw()).doesNotContain("jon@buyer.example");
        assertThat(shop.staff("anna").get("/api/v1/orders?dialogId=" + dialog).status()).isEqualTo(403);
    }

    @Test
    void shouldRefuseUnsignedForgedTamperedAndStaleShopifyDeliveries() {
        Shop shop = shop();
        SalesFixtures.setSecret(shop.staff("admin"), "shopify", SHOPIFY_SECRET);
        String body = shopifyOrder(6001, "EUR", "10.00");
        String url = "/api/v1/webhooks/shopify/" + shop.slug() + "/orders";

        assertRefused(post(port, url, body, "X-Shopify-Webhook-Id", "a"), 401, "webhook_unsigned");
        assertRefused(post(port, url, body, "X-Shopify-Hmac-Sha256", shopifyHmac("not-the-secret-at-all", body),
                "X-Shopify-Webhook-Id", "b"), 401, "webhook_signature_invalid");
        assertRefused(post(port, url, body.replace("10.00", "0.01"), "X-Shopify-Hmac-Sha256", shopifyHmac(SHOPIFY_SECRET, body),
                "X-Shopify-Webhook-Id", "c"), 401, "webhook_signature_invalid");
        assertRefused(post(port, url, body, "X-Shopify-Hmac-Sha256", shopifyHmac(SHOPIFY_SECRET, body),
                "X-Shopify-Webhook-Id", "d", "X-Shopify-Triggered-At", Instant.now().minusSeconds(3600).toString()),
                401, "webhook_too_old");
        assertRefused(post(port, url, "{not json", "X-Shopify-Hmac-Sha256", shopifyHmac(SHOPIFY_SECRET, "{not json"),
                "X-Shopify-Webhook-Id", "e"), 400, "invalid");
        assertRefused(post(port, "/api/v1/webhooks/shopify/no-such-shop/orders", body, "X-Shopify-Hmac-Sha256",
                shopifyHmac(SHOPIFY_SECRET, body), "X-Shopify-Webhook-Id", "f"), 404, "not_found");
        assertThat(shop.staff("admin").get("/api/v1/orders").body()).isEmpty();
    }

    @Test
    void shouldTakeOurSignedWebhookAndMoveTheSameOrderOn() {
        Shop shop = shop("anna");
        Api admin = shop.staff("admin");
        SalesFixtures.setSecret(admin, "vitrine", VITRINE_SECRET);
        String url = "/api/v1/webhooks/orders/" + shop.merchant().id();
        String placed = ours("W-1", "PLACED", "USD", "12.50", "\"expertId\":\"" + shop.memberId("anna") + "\"");
        long now = Instant.now().getEpochSecond();

        Api.Response taken = post(port, url, placed, "Vitrine-Signature", vitrineSignature(VITRINE_SECRET, now, placed));
        assertThat(taken.status()).as(taken.raw()).isEqualTo(200);
        assertRefused(post(port, url, placed, "Vitrine-Signature", vitrineSignature(VITRINE_SECRET, now, placed)),
                409, "webhook_replayed");
        assertRefused(post(port, url, placed, "Vitrine-Signature", vitrineSignature(VITRINE_SECRET, now - 600, placed)),
                401, "webhook_too_old");
        assertRefused(post(port, url, placed.replace("12.50", "1.25"), "Vitrine-Signature",
                vitrineSignature(VITRINE_SECRET, now, placed)), 401, "webhook_signature_invalid");
        assertRefused(post(port, url, placed), 401, "webhook_unsigned");

        String paid = ours("W-1", "PAID", "USD", "12.50", "");
        Api.Response moved = post(port, url, paid, "Vitrine-Signature", vitrineSignature(VITRINE_SECRET, now + 1, paid));
        assertThat(moved.body().get("id").asString()).isEqualTo(taken.body().get("id").asString());
        JsonNode order = admin.get("/api/v1/orders/" + taken.body().get("id").asString()).body();
        assertThat(order.get("status").asString()).isEqualTo("PAID");
        assertThat(order.get("source").asString()).isEqualTo("WEBHOOK");
        assertThat(order.get("attribution").get("expertId").asString()).isEqualTo(shop.memberId("anna").toString());
        assertThat(admin.get("/api/v1/sales/webhook-secrets").raw()).doesNotContain(VITRINE_SECRET)
                .contains("\"vitrine\":true");
    }

    @Test
    void shouldRefuseAWebhookSignedWithAnotherMerchantsSecretAndNeverAttributeAcrossMerchants() {
        Shop north = shop("anna");
        Shop south = shop("bob");
        SalesFixtures.setSecret(north.staff("admin"), "vitrine", VITRINE_SECRET);
        SalesFixtures.setSecret(south.staff("admin"), "vitrine", "whsec_south_other_secret");
        long now = Instant.now().getEpochSecond();
        String body = ours("X-1", "PLACED", "EUR", "5.00", "\"expertId\":\"" + north.memberId("anna") + "\"");

        assertRefused(post(port, "/api/v1/webhooks/orders/" + south.slug(), body, "Vitrine-Signature",
                vitrineSignature(VITRINE_SECRET, now, body)), 401, "webhook_signature_invalid");
        String southBody = ours("X-2", "PLACED", "EUR", "5.00", "\"expertId\":\"" + north.memberId("anna") + "\"");
        Api.Response taken = post(port, "/api/v1/webhooks/orders/" + south.slug(), southBody, "Vitrine-Signature",
                vitrineSignature("whsec_south_other_secret", now, southBody));
        assertThat(taken.status()).isEqualTo(200);

        JsonNode southOrder = south.staff("admin").get("/api/v1/orders/" + taken.body().get("id").asString()).body();
        assertThat(southOrder.get("attribution").get("expertId").isNull()).as("north's expert is no hint in south").isTrue();
        assertThat(north.staff("admin").get("/api/v1/orders/" + taken.body().get("id").asString()).status()).isEqualTo(404);
        assertThat(north.staff("admin").get("/api/v1/orders").body()).isEmpty();
        assertThat(south.staff("bob").get("/api/v1/orders/" + taken.body().get("id").asString()).status()).isEqualTo(404);
        assertThat(south.staff("bob").put("/api/v1/sales/webhook-secrets/vitrine",
                java.util.Map.of("secret", "bob-wants-to-change-it")).status()).isEqualTo(403);
    }

    static String ours(String id, String status, String currency, String unitPrice, String extra) {
        return """
                {"id":"%s","status":"%s","currency":"%s","buyer":{"name":"Ada","email":"ada@buyer.example","address":"1 Quiet Road"},
                 "lines":[{"sku":"CAP-1","title":"Cap","quantity":1,"unitPrice":"%s"}]%s}"""
                .formatted(id, status, currency, unitPrice, extra.isEmpty() ? "" : "," + extra);
    }

    private static void assertRefused(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.raw()).isEqualTo(status);
        assertThat(response.body().get("code").asString()).isEqualTo(code);
    }
}
