package io.vitrine.checkout;

import static io.vitrine.support.Socket.event;
import static io.vitrine.support.Socket.type;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.vitrine.catalog.CatalogApi;
import io.vitrine.catalog.ImportFormat;
import io.vitrine.notifications.NotificationsIntegrationTest;
import io.vitrine.support.Api;
import io.vitrine.support.Frames;
import io.vitrine.support.LiveStream;
import io.vitrine.support.Socket;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Vitrine's checkout: the Host places the server's cart as an order attributed to the dialog's expert. */
class CheckoutIntegrationTest extends NotificationsIntegrationTest {

    private static final String CATALOG = """
            id,sku,title,description,url,image_urls,price,currency,available,stock,variant_sku,options
            tee,TEE,Classic Tee,Soft cotton,https://shop.example/tee,,24.90,EUR,true,5,TEE-M,Size=M
            mug,MUG,Enamel Mug,Camp mug,https://shop.example/mug,,12.50,EUR,true,9,,
            cap,CAP,Trucker Cap,A cap,https://shop.example/cap,,30.00,USD,true,9,,
            """;

    private static final Map<String, String> ADA = Map.of("name", "Ada Buyer", "email", "ada@checkout.test",
            "address", "1 Main Street, 10115 Berlin");

    @Autowired
    CatalogApi catalog;

    record Scene(Shop shop, LiveStream live, Api guest, Socket host, Socket expert) {

        Map<String, Object> frame(String type, Object... pairs) {
            return Frames.frame(live.id, type, pairs);
        }

        String checkout() {
            return live.path() + "/checkout";
        }
    }

    private Scene scene(String handoff) {
        Shop shop = shop("anna");
        catalog.importNow(shop.merchant().id(), new ByteArrayInputStream(CATALOG.getBytes(StandardCharsets.UTF_8)),
                ImportFormat.CSV, "catalog.csv");
        assertThat(shop.staff("admin").put("/api/v1/merchant/commerce-settings", Map.of("cartHandoff", handoff))
                .status()).isEqualTo(200);
        LiveStream live = LiveStream.start(shop, shop.online("anna"), "Hana Host");
        Api guest = live.join(live.invite(), "Gus Guest");
        return new Scene(shop, live, guest, live.socket(live.host), live.socket(live.expert));
    }

    private UUID product(Scene s, String sku) {
        return catalog.findBySku(s.shop.merchant().id(), sku, null).orElseThrow().id();
    }

    private void addToCart(Scene s, String sku, int quantity, int linesAfter) {
        s.expert.send(s.frame("showProduct", "productId", product(s, sku)));
        s.host.await(f -> event("PRODUCT").test(f) && f.path("product").path("sku").asString().equals(sku));
        s.host.send(s.frame("cartAdd", "productId", product(s, sku), "quantity", quantity));
        s.host.await(f -> type("cart").test(f) && f.path("cart").path("lines").size() == linesAfter);
    }

    @Test
    void shouldPlaceTheCartAsTheExpertsOrderEmailTheBuyerAndEmptyTheCart() throws Exception {
        Scene s = scene("VITRINE");
        addToCart(s, "TEE", 2, 1);
        addToCart(s, "MUG", 1, 2);
        GreenMail smtp = smtpServer();
        try {
            // Lines sent by the client are not read: the order is the server's cart.
            var placed = s.live.host.post(s.checkout(), Map.of("name", "Ada Buyer", "email", "ada@checkout.test",
                    "address", "1 Main Street, 10115 Berlin", "lines", List.of(Map.of("sku", "MUG", "quantity", 50))));
            assertThat(placed.status()).as(placed.raw()).isEqualTo(201);
            assertThat(placed.body().path("number").asLong()).isEqualTo(1);
            assertThat(placed.body().path("total").path("amountMinor").asLong()).isEqualTo(2 * 2490 + 1250);
            assertThat(placed.body().path("total").path("currency").asString()).isEqualTo("EUR");

            assertThat(s.expert.await(f -> type("cart").test(f) && f.path("cart").path("lines").isEmpty()))
                    .as("the expert sees the cart emptied").isNotNull();
            eventually().until(() -> smtp.getReceivedMessagesForDomain("checkout.test").length >= 1);
            MimeMessage mail = smtp.getReceivedMessagesForDomain("checkout.test")[0];
            assertThat(mail.getSubject()).isEqualTo("Your order 1 is confirmed");
            assertThat(GreenMailUtil.getBody(mail)).contains("Classic Tee").contains("62.30 EUR");
        } finally {
            smtp.stop();
        }

        Api admin = s.shop.staff("admin");
        JsonNode orders = admin.get("/api/v1/orders?dialogId=" + s.live.id).body();
        assertThat(orders).singleElement().satisfies(order -> {
            assertThat(order.path("source").asString()).isEqualTo("CHECKOUT");
            assertThat(order.path("buyer").path("name").asString()).isEqualTo("Ada Buyer");
            assertThat(order.path("buyer").path("address").asString()).isEqualTo("1 Main Street, 10115 Berlin");
            assertThat(order.path("lines").valueStream().map(l -> l.path("sku").asString() + "×" + l.path("quantity").asInt()))
                    .containsExactly("TEE-M×2", "MUG×1");
            assertThat(order.path("attribution").path("expertId").asString())
                    .isEqualTo(s.shop.memberId("anna").toString());
        });
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThat(admin.get("/admin/sales?from=" + today + "&to=" + today).raw()).contains("Anna Expert").contains("62.30");
        assertThat(s.shop.staff("anna").get("/api/v1/orders").body()).as("the expert sees the sale as theirs")
                .singleElement().satisfies(o -> assertThat(o.path("buyer").isNull()).isTrue());

        var again = s.live.host.post(s.checkout(), ADA);
        assertThat(again.status()).as("the cart was emptied by the order").isEqualTo(409);
        assertThat(again.body().path("code").asString()).isEqualTo("empty_cart");
        assertThat(admin.get("/api/v1/orders?dialogId=" + s.live.id).body()).hasSize(1);
    }

    @Test
    void shouldRefuseGuestsBadFieldsMixedCurrenciesAndOtherHandoffs() {
        Scene s = scene("VITRINE");
        var empty = s.live.host.post(s.checkout(), ADA);
        assertThat(empty.status()).isEqualTo(409);
        assertThat(empty.body().path("code").asString()).isEqualTo("empty_cart");

        addToCart(s, "MUG", 1, 1);
        var guest = s.guest.post(s.checkout(), ADA);
        assertThat(guest.status()).isEqualTo(403);
        assertThat(guest.body().path("code").asString()).isEqualTo("forbidden");
        assertThat(s.shop.staff("anna").post(s.checkout(), ADA).status()).as("staff have no checkout").isIn(401, 403);
        Api stranger = shop("olga").shopper("Otto Other");
        assertThat(stranger.post(s.checkout(), ADA).status()).as("another merchant's shopper").isIn(403, 404);

        var bad = s.live.host.post(s.checkout(), Map.of("name", " ", "email", "ada@nowhere", "address", ""));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().path("code").asString()).isEqualTo("invalid");
        assertThat(bad.body().path("errors").valueStream().map(e -> e.path("field").asString() + ":" + e.path("code").asString()))
                .containsExactlyInAnyOrder("name:required", "email:email", "address:required");
        assertThat(s.live.host.postRaw(s.checkout(), "{not json").status()).isEqualTo(400);

        addToCart(s, "CAP", 1, 2);
        var mixed = s.live.host.post(s.checkout(), ADA);
        assertThat(mixed.status()).isEqualTo(409);
        assertThat(mixed.body().path("code").asString()).isEqualTo("mixed_currencies");

        assertThat(s.shop.staff("admin").put("/api/v1/merchant/commerce-settings", Map.of("cartHandoff", "GENERIC"))
                .status()).isEqualTo(200);
        var generic = s.live.host.post(s.checkout(), ADA);
        assertThat(generic.status()).isEqualTo(409);
        assertThat(generic.body().path("code").asString()).isEqualTo("checkout_off");
        assertThat(s.shop.staff("admin").get("/api/v1/orders").body()).as("nothing was ordered").isEmpty();
        assertThat(Api.anonymous(port).get("/v3/api-docs").body().path("paths")
                .has("/api/v1/widget/me/dialogs/{id}/checkout")).isTrue();
    }
}
