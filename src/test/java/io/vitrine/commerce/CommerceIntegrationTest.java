package io.vitrine.commerce;

import static io.vitrine.support.Socket.event;
import static io.vitrine.support.Socket.type;
import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.catalog.CatalogApi;
import io.vitrine.catalog.ImportFormat;
import io.vitrine.catalog.Product;
import io.vitrine.support.Api;
import io.vitrine.support.Frames;
import io.vitrine.support.IntegrationTest;
import io.vitrine.support.LiveStream;
import io.vitrine.support.Socket;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Products in the live dialog over the real socket: cards, suggestions, the Host's cart, votes and the hand-off. */
class CommerceIntegrationTest extends IntegrationTest {

    private static final String CATALOG = """
            id,sku,title,description,url,image_urls,price,currency,available,stock,variant_sku,options
            tee,TEE,Classic Tee,Soft cotton,https://shop.example/tee,/catalog/demo/tee-classic-navy.svg,24.90,EUR,true,5,TEE-M,Size=M
            tee,TEE,Classic Tee,Soft cotton,https://shop.example/tee,/catalog/demo/tee-classic-navy.svg,26.90,EUR,true,5,TEE-L,Size=L
            mug,MUG,Enamel Mug,Camp mug,https://shop.example/mug,,12.50,EUR,true,9,,
            cap,CAP,Trucker Cap,A cap,https://shop.example/cap,,30.00,USD,true,9,,
            """;

    @Autowired
    CatalogApi catalog;

    record Scene(Shop shop, LiveStream live, Api guest, Socket host, Socket guestWs, Socket expert,
            Map<String, Product> products) {

        UUID id(String sku) {
            return products.get(sku).id();
        }

        Map<String, Object> frame(String type, Object... pairs) {
            return Frames.frame(live.id, type, pairs);
        }
    }

    private Scene scene() {
        Shop shop = shop("anna");
        catalog.importNow(shop.merchant().id(), new ByteArrayInputStream(CATALOG.getBytes(StandardCharsets.UTF_8)),
                ImportFormat.CSV, "catalog.csv");
        Map<String, Product> products = new java.util.HashMap<>();
        for (String sku : List.of("TEE", "MUG", "CAP")) {
            products.put(sku, catalog.findBySku(shop.merchant().id(), sku, null).orElseThrow());
        }
        LiveStream live = LiveStream.start(shop, shop.online("anna"), "Hana Host");
        Api guest = live.join(live.invite(), "Gus Guest");
        return new Scene(shop, live, guest, live.socket(live.host), live.socket(guest), live.socket(live.expert), products);
    }

    private static Predicate<JsonNode> cartWith(int lines) {
        return f -> type("cart").test(f) && f.path("cart").path("lines").size() == lines;
    }

    private static String error(Socket socket) {
        return socket.await(type("error")).path("code").asString();
    }

    @Test
    void shouldShowAProductCardToEveryParticipantAndReplayItOnResume() {
        Scene s = scene();
        s.expert.send(s.frame("showProduct", "productId", s.id("TEE")));

        for (Socket socket : List.of(s.host, s.guestWs, s.expert)) {
            JsonNode card = socket.await(event("PRODUCT"));
            assertThat(card.path("product").path("title").asString()).isEqualTo("Classic Tee");
            assertThat(card.path("product").path("priceMinor").asLong()).isEqualTo(2490);
            assertThat(card.path("product").path("currency").asString()).isEqualTo("EUR");
            assertThat(card.path("product").path("image").asString()).isEqualTo("/catalog/demo/tee-classic-navy.svg");
            assertThat(card.path("product").path("url").asString()).isEqualTo("https://shop.example/tee");
            assertThat(card.path("author").path("name").asString()).isEqualTo("Anna Expert");
        }

        try (Socket again = Socket.connect(s.guest)) {
            again.send(Map.of("type", "hello", "token", s.guest.token()));
            again.awaitType("welcome");
            again.send(Map.of("type", "subscribe", "dialogId", s.live.id, "afterSeq", 0));
            assertThat(again.await(event("PRODUCT")).path("product").path("sku").asString()).isEqualTo("TEE");
        }
        JsonNode transcript = s.guest.get(s.live.path()).body();
        assertThat(transcript.path("events").valueStream().filter(e -> e.path("kind").asString().equals("PRODUCT"))
                .map(e -> e.path("product").path("title").asString()).toList()).containsExactly("Classic Tee");
        assertThat(transcript.path("events").valueStream().filter(e -> e.path("kind").asString().equals("MESSAGE"))
                .filter(e -> e.has("product")).toList()).as("other events keep their old shape").isEmpty();

        s.host.send(s.frame("showProduct", "productId", s.id("MUG")));
        assertThat(error(s.host)).isEqualTo("forbidden");
        s.expert.send(s.frame("showProduct", "productId", UUID.randomUUID()));
        assertThat(error(s.expert)).isEqualTo("not_found");
    }

    @Test
    void shouldSendSuggestionsToTheHostAloneAndFillTheCartOnAccept() {
        Scene s = scene();
        UUID large = s.products.get("TEE").variants().get(1).id();
        s.expert.send(s.frame("suggestProduct", "productId", s.id("TEE"), "variantId", large, "quantity", 2));

        JsonNode offered = s.host.await(type("suggestion"));
        assertThat(offered.path("status").asString()).isEqualTo("PENDING");
        assertThat(offered.path("product").path("sku").asString()).isEqualTo("TEE-L");
        assertThat(offered.path("product").path("priceMinor").asLong()).isEqualTo(2690);
        assertThat(offered.path("variant").asString()).isEqualTo("L");
        assertThat(offered.path("quantity").asInt()).isEqualTo(2);
        assertThat(s.expert.await(type("suggestion")).path("id").asString()).isEqualTo(offered.path("id").asString());

        // A frame to everyone, sent after the suggestion: once the Guest has it, a broadcast suggestion would have come.
        s.expert.send(Map.of("type", "say", "dialogId", s.live.id, "text", "How about the large one?"));
        s.guestWs.await(event("MESSAGE"));
        s.guestWs.send(s.frame("products"));
        JsonNode guestState = s.guestWs.await(type("products"));
        assertThat(guestState.path("cart").isNull()).isTrue();
        assertThat(guestState.path("suggestions").isNull()).isTrue();

        s.guestWs.send(s.frame("answerSuggestion", "suggestionId", offered.path("id").asString(), "accept", true));
        assertThat(error(s.guestWs)).isEqualTo("forbidden");

        s.host.send(s.frame("answerSuggestion", "suggestionId", offered.path("id").asString(), "accept", true));
        JsonNode cart = s.host.await(cartWith(1)).path("cart");
        assertThat(cart.path("lines").get(0).path("sku").asString()).isEqualTo("TEE-L");
        assertThat(cart.path("lines").get(0).path("quantity").asInt()).isEqualTo(2);
        assertThat(cart.path("totals").get(0).path("amountMinor").asLong()).isEqualTo(5380);
        assertThat(s.expert.await(cartWith(1)).path("cart").path("totals").get(0).path("currency").asString()).isEqualTo("EUR");
        assertThat(s.host.await(f -> type("suggestion").test(f) && f.path("status").asString().equals("ACCEPTED"))).isNotNull();

        s.host.send(s.frame("answerSuggestion", "suggestionId", offered.path("id").asString(), "accept", false));
        assertThat(error(s.host)).as("a suggestion is answered once").isEqualTo("already_answered");

        s.expert.send(s.frame("suggestProduct", "productId", s.id("MUG"), "quantity", 1));
        JsonNode mug = s.host.await(f -> type("suggestion").test(f) && f.path("status").asString().equals("PENDING"));
        s.host.send(s.frame("answerSuggestion", "suggestionId", mug.path("id").asString(), "accept", false));
        assertThat(s.expert.await(f -> type("suggestion").test(f) && f.path("status").asString().equals("REJECTED"))
                .path("product").path("title").asString()).isEqualTo("Enamel Mug");

        assertThat(s.guestWs.received(type("suggestion"))).as("the Guest's socket never got a suggestion").isEmpty();
        assertThat(s.guestWs.received(type("cart"))).as("nor the cart").isEmpty();
        s.guestWs.send(s.frame("suggestProduct", "productId", s.id("MUG"), "quantity", 1));
        assertThat(error(s.guestWs)).isEqualTo("forbidden");

        assertThat(s.live.host.get(s.live.path() + "/cart").body().path("lines").size()).isEqualTo(1);
        assertThat(s.live.expert.get(s.live.staffPath() + "/cart").body().path("lines").size()).isEqualTo(1);
        assertThat(s.shop.staff("admin").get(s.live.staffPath() + "/cart").status()).isEqualTo(200);
        assertThat(s.guest.get(s.live.path() + "/cart").status()).isEqualTo(403);
    }

    @Test
    void shouldLetTheHostAddShownProductsChangeQuantitiesAndKeepTotalsPerCurrency() {
        Scene s = scene();
        s.host.send(s.frame("cartAdd", "productId", s.id("MUG"), "quantity", 1));
        assertThat(error(s.host)).as("only shown products").isEqualTo("not_shown");

        s.expert.send(s.frame("showProduct", "productId", s.id("MUG")));
        s.expert.send(s.frame("showProduct", "productId", s.id("CAP")));
        s.host.await(f -> event("PRODUCT").test(f) && f.path("product").path("sku").asString().equals("CAP"));

        s.guestWs.send(s.frame("cartAdd", "productId", s.id("MUG"), "quantity", 1));
        assertThat(error(s.guestWs)).isEqualTo("forbidden");

        s.host.send(s.frame("cartAdd", "productId", s.id("MUG"), "quantity", 1));
        s.host.await(cartWith(1));
        s.host.send(s.frame("cartAdd", "productId", s.id("MUG"), "quantity", 2));
        JsonNode mugs = s.host.await(f -> cartWith(1).test(f) && f.path("cart").path("lines").get(0).path("quantity").asInt() == 3);
        s.host.send(s.frame("cartAdd", "productId", s.id("CAP"), "quantity", 1));
        JsonNode both = s.expert.await(cartWith(2)).path("cart");
        assertThat(both.path("totals").valueStream().map(t -> t.path("currency").asString() + " " + t.path("amountMinor").asLong()))
                .containsExactlyInAnyOrder("EUR 3750", "USD 3000");

        String mugLine = mugs.path("cart").path("lines").get(0).path("id").asString();
        s.guestWs.send(s.frame("cartQuantity", "lineId", mugLine, "quantity", 0));
        assertThat(error(s.guestWs)).isEqualTo("forbidden");
        s.host.send(s.frame("cartQuantity", "lineId", mugLine, "quantity", 0));
        assertThat(s.host.await(f -> cartWith(1).test(f) && f.path("cart").path("lines").get(0).path("sku").asString().equals("CAP")))
                .isNotNull();
        s.host.send(s.frame("cartQuantity", "lineId", mugLine, "quantity", 1));
        assertThat(error(s.host)).isEqualTo("not_found");
        s.host.send(s.frame("cartAdd", "productId", s.id("MUG"), "quantity", 500));
        assertThat(error(s.host)).isEqualTo("invalid");
    }

    @Test
    void shouldLetEveryCustomerVoteOnceAndShowTalliesToHostAndExpert() {
        Scene s = scene();
        s.expert.send(s.frame("showProduct", "productId", s.id("TEE")));
        long seq = s.guestWs.await(event("PRODUCT")).path("seq").asLong();

        s.guestWs.send(s.frame("vote", "seq", seq, "vote", "LIKE"));
        assertThat(s.guestWs.await(type("voted")).path("vote").asString()).isEqualTo("LIKE");
        JsonNode tally = s.expert.await(type("votes"));
        assertThat(tally.path("likes").asInt()).isEqualTo(1);
        s.host.send(s.frame("vote", "seq", seq, "vote", "NOT_FOR_ME"));
        s.host.await(type("voted"));
        assertThat(s.expert.await(f -> type("votes").test(f) && f.path("notForMe").asInt() == 1).path("likes").asInt()).isEqualTo(1);

        s.guestWs.send(s.frame("vote", "seq", seq, "vote", "NOT_FOR_ME"));
        JsonNode changed = s.host.await(f -> type("votes").test(f) && f.path("notForMe").asInt() == 2);
        assertThat(changed.path("likes").asInt()).as("one vote per participant: the Guest changed theirs").isZero();
        assertThat(s.guestWs.received(type("votes"))).as("Guests do not get the tallies").isEmpty();

        s.expert.send(s.frame("vote", "seq", seq, "vote", "LIKE"));
        assertThat(error(s.expert)).isEqualTo("forbidden");
        s.guestWs.send(s.frame("vote", "seq", 1, "vote", "LIKE"));
        assertThat(error(s.guestWs)).as("seq 1 is not a product card").isEqualTo("not_found");

        s.guestWs.send(s.frame("products"));
        assertThat(s.guestWs.await(type("products")).path("yourVotes").path(String.valueOf(seq)).asString()).isEqualTo("NOT_FOR_ME");
        s.expert.send(s.frame("products"));
        JsonNode state = s.expert.await(type("products"));
        assertThat(state.path("tallies").get(0).path("notForMe").asInt()).isEqualTo(2);
    }

    @Test
    void shouldHandTheCartToTheShopAsTheMerchantChose() {
        Scene s = scene();
        s.expert.send(s.frame("showProduct", "productId", s.id("TEE")));
        s.host.await(event("PRODUCT"));
        s.host.send(s.frame("handoff"));
        assertThat(error(s.host)).isEqualTo("empty_cart");
        s.host.send(s.frame("cartAdd", "productId", s.id("TEE"), "quantity", 2));
        s.host.await(cartWith(1));

        s.guestWs.send(s.frame("handoff"));
        assertThat(error(s.guestWs)).isEqualTo("forbidden");
        s.expert.send(s.frame("handoff"));
        assertThat(error(s.expert)).isEqualTo("forbidden");

        s.host.send(s.frame("handoff"));
        JsonNode generic = s.host.await(type("handoff"));
        assertThat(generic.path("mode").asString()).isEqualTo("GENERIC");
        assertThat(generic.path("detail").path("dialogId").asString()).isEqualTo(s.live.id);
        assertThat(generic.path("detail").path("expertId").asString()).isNotBlank();
        JsonNode line = generic.path("detail").path("lines").get(0);
        assertThat(line.path("sku").asString()).isEqualTo("TEE-M");
        assertThat(line.path("quantity").asInt()).isEqualTo(2);
        assertThat(line.path("unitPriceMinor").asLong()).isEqualTo(2490);

        Api admin = s.shop.staff("admin");
        var noDomain = admin.put("/api/v1/merchant/commerce-settings", Map.of("cartHandoff", "SHOPIFY"));
        assertThat(noDomain.status()).isEqualTo(400);
        assertThat(admin.put("/api/v1/merchant/commerce-settings",
                Map.of("cartHandoff", "SHOPIFY", "shopDomain", "https://evil.example/x")).status()).isEqualTo(400);
        assertThat(s.live.expert.put("/api/v1/merchant/commerce-settings",
                Map.of("cartHandoff", "VITRINE")).status()).as("admins only").isEqualTo(403);
        var saved = admin.put("/api/v1/merchant/commerce-settings",
                Map.of("cartHandoff", "SHOPIFY", "shopDomain", "demo-shop.myshopify.com"));
        assertThat(saved.status()).isEqualTo(200);
        assertThat(s.live.expert.get("/api/v1/merchant/commerce-settings").body().path("cartHandoff").asString()).isEqualTo("SHOPIFY");

        s.host.send(s.frame("handoff"));
        assertThat(error(s.host)).as("the CSV catalog has no Shopify variant ids").isEqualTo("no_shopify_variant");

        Shop other = shop("olga");
        assertThat(other.staff("admin").get(s.live.staffPath() + "/cart").status()).as("another merchant's dialog").isEqualTo(404);
        assertThat(other.staff("admin").get("/api/v1/merchant/commerce-settings").body().path("cartHandoff").asString())
                .as("settings are per merchant").isEqualTo("GENERIC");
        var docs = Api.anonymous(port).get("/v3/api-docs").body().path("paths");
        assertThat(docs.has("/api/v1/dialogs/{id}/cart")).isTrue();
        assertThat(docs.has("/api/v1/widget/me/dialogs/{id}/cart")).isTrue();
        assertThat(docs.has("/api/v1/merchant/commerce-settings")).isTrue();
    }

    /** Shopify's /products.json as a store serves it: 14-digit ids, merchant SKUs, no "shopify-" anywhere. */
    private static final String SHOPIFY_PRODUCTS = """
            {"products": [{"id": 8012345678901, "title": "Linen Shirt", "handle": "linen-shirt",
              "options": [{"name": "Size", "position": 1}],
              "variants": [
                {"id": 44012345678901, "product_id": 8012345678901, "title": "S", "sku": "LIN-S", "price": "49.00",
                 "available": true, "option1": "S", "inventory_quantity": 3},
                {"id": 44012345678902, "product_id": 8012345678901, "title": "M", "sku": "LIN-M", "price": "49.00",
                 "available": true, "option1": "M", "inventory_quantity": 2}]}]}
            """;

    @Test
    void shouldBuildTheShopifyPermalinkFromTheImportedShopifyVariantIds() {
        Scene s = scene();
        UUID merchant = s.shop.merchant().id();
        catalog.importNow(merchant, new ByteArrayInputStream(SHOPIFY_PRODUCTS.getBytes(StandardCharsets.UTF_8)),
                ImportFormat.SHOPIFY, "products.json");
        Product shirt = catalog.findBySku(merchant, "LIN-M", null).orElseThrow();
        assertThat(shirt.variants()).extracting(v -> v.sku() + "=" + v.shopifyVariantId())
                .containsExactlyInAnyOrder("LIN-S=44012345678901", "LIN-M=44012345678902");
        UUID small = variant(shirt, "LIN-S");
        UUID medium = variant(shirt, "LIN-M");
        Api admin = s.shop.staff("admin");
        assertThat(admin.get("/api/v1/catalog/products/" + shirt.id()).body().path("variants").valueStream()
                .map(v -> v.path("shopifyVariantId").asString()).toList()).as("the API shows it").contains("44012345678902");
        assertThat(Api.anonymous(port).get("/v3/api-docs").body().path("components").path("schemas").path("Variant")
                .path("properties").has("shopifyVariantId")).as("the OpenAPI document names it").isTrue();
        assertThat(admin.put("/api/v1/merchant/commerce-settings",
                Map.of("cartHandoff", "SHOPIFY", "shopDomain", "demo-shop.myshopify.com")).status()).isEqualTo(200);

        s.expert.send(s.frame("showProduct", "productId", shirt.id()));
        s.host.await(event("PRODUCT"));
        s.host.send(s.frame("cartAdd", "productId", shirt.id(), "variantId", medium, "quantity", 2));
        s.host.await(cartWith(1));
        s.host.send(s.frame("cartAdd", "productId", shirt.id(), "variantId", small, "quantity", 1));
        s.host.await(cartWith(2));

        s.host.send(s.frame("handoff"));
        JsonNode handoff = s.host.await(type("handoff"));
        assertThat(handoff.path("mode").asString()).isEqualTo("SHOPIFY");
        assertThat(handoff.path("url").asString()).startsWith("https://demo-shop.myshopify.com/cart/"
                + "44012345678902:2,44012345678901:1?attributes[vitrine_dialog]=" + s.live.id
                + "&attributes[vitrine_expert]=").matches(".*vitrine_expert]=[0-9a-f-]{36}");

        s.expert.send(s.frame("showProduct", "productId", s.id("MUG")));
        s.host.await(event("PRODUCT"));
        s.host.send(s.frame("cartAdd", "productId", s.id("MUG"), "quantity", 1));
        s.host.await(cartWith(3));
        s.host.send(s.frame("handoff"));
        assertThat(s.host.await(type("error")).path("message").asString())
                .as("a CSV product without a Shopify variant id is named").contains("MUG").doesNotContain("LIN-");
    }

    private static UUID variant(Product product, String sku) {
        return product.variants().stream().filter(v -> v.sku().equals(sku)).findFirst().orElseThrow().id();
    }
}
