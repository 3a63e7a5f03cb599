package io.vitrine.catalog;

import static io.vitrine.support.Socket.event;
import static io.vitrine.support.Socket.type;
import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.support.Api;
import io.vitrine.support.IntegrationTest;
import io.vitrine.support.LiveStream;
import io.vitrine.support.Socket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Catalog create, replace and delete over the API, on every database (H2 and PostgreSQL subclasses): search follows
 * each change, a deleted product leaves search and favourites but earlier product cards and cart lines still work.
 */
abstract class CatalogCrudContract extends IntegrationTest {

    private static final String PRODUCTS = "/api/v1/catalog/products";

    static Map<String, Object> lamp(String sku, String title) {
        Map<String, Object> product = new HashMap<>();
        product.put("externalId", "id-" + sku);
        product.put("sku", sku);
        product.put("title", title);
        product.put("description", "A brass reading lamp");
        product.put("url", "https://shop.example/" + sku);
        product.put("images", List.of("https://shop.example/" + sku + ".jpg"));
        product.put("priceMinor", 4990);
        product.put("currency", "EUR");
        product.put("stock", 4);
        return product;
    }

    private static List<String> titles(JsonNode page) {
        List<String> titles = new ArrayList<>();
        page.get("items").forEach(p -> titles.add(p.get("title").asString()));
        return titles;
    }

    @Test
    void shouldCreateReplaceAndDeleteAProductWithSearchFollowing() {
        Shop shop = shop("anna");
        Api admin = shop.staff("admin");
        Api anna = shop.staff("anna");

        var created = admin.post(PRODUCTS, lamp("LAMP-1", "Brass Lamp"));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String id = created.body().get("id").asString();
        assertThat(created.body().get("price").get("amountMinor").asLong()).isEqualTo(4990);
        assertThat(created.body().get("archived").asBoolean()).isFalse();
        assertThat(titles(anna.get(PRODUCTS + "?q=brass").body())).containsExactly("Brass Lamp");
        assertThat(titles(anna.get(PRODUCTS + "?q=LAMP-1").body())).containsExactly("Brass Lamp");

        Map<String, Object> changed = lamp("LAMP-1", "Copper Lamp");
        changed.put("description", null);
        changed.put("variants", List.of(
                Map.of("sku", "LAMP-1-S", "options", Map.of("Size", "S"), "priceMinor", 3990, "stock", 2, "shopifyVariantId", "39072856"),
                Map.of("sku", "LAMP-1-L", "options", Map.of("Size", "L"), "priceMinor", 5990, "available", false)));
        var replaced = admin.put(PRODUCTS + "/" + id, changed);
        assertThat(replaced.status()).as(replaced.raw()).isEqualTo(200);
        assertThat(replaced.body().get("description").isNull()).as("a field left out is cleared").isTrue();
        assertThat(replaced.body().get("price").get("amountMinor").asLong()).as("lowest variant price").isEqualTo(3990);
        assertThat(replaced.body().get("variants")).hasSize(2);
        String small = replaced.body().get("variants").get(0).get("id").asString();
        assertThat(titles(anna.get(PRODUCTS + "?q=brass").body())).isEmpty();
        assertThat(titles(anna.get(PRODUCTS + "?q=copper").body())).containsExactly("Copper Lamp");
        assertThat(titles(anna.get(PRODUCTS + "?q=LAMP-1-L").body())).containsExactly("Copper Lamp");

        changed.put("variants", List.of(Map.of("sku", "LAMP-1-S", "options", Map.of("Size", "S"), "priceMinor", 4190)));
        JsonNode again = admin.put(PRODUCTS + "/" + id, changed).body();
        assertThat(again.get("variants")).hasSize(1);
        assertThat(again.get("variants").get(0).get("id").asString()).as("a kept SKU keeps its variant id").isEqualTo(small);

        assertThat(anna.put(PRODUCTS + "/" + id + "/favourite", Map.of()).status()).isEqualTo(204);
        assertThat(admin.exchange("DELETE", PRODUCTS + "/" + id, null).status()).isEqualTo(204);
        assertThat(admin.exchange("DELETE", PRODUCTS + "/" + id, null).status()).as("idempotent").isEqualTo(204);
        assertThat(titles(anna.get(PRODUCTS + "?q=copper").body())).isEmpty();
        assertThat(titles(anna.get(PRODUCTS).body())).isEmpty();
        assertThat(anna.get(PRODUCTS + "/favourites").body()).as("gone from the picker's favourites").isEmpty();
        JsonNode archived = anna.get(PRODUCTS + "/" + id).body();
        assertThat(archived.get("archived").asBoolean()).as("still resolvable for history").isTrue();
        assertThat(admin.put(PRODUCTS + "/" + id, changed).status()).isEqualTo(404);

        String csv = "id,sku,title,price,currency\nid-LAMP-1,LAMP-1,Copper Lamp,41.90,EUR\n";
        Uploads.importAndWait(admin, "again.csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8), "");
        assertThat(titles(anna.get(PRODUCTS + "?q=copper").body())).as("a re-import restores it").containsExactly("Copper Lamp");
    }

    @Test
    void shouldRefuseInvalidFieldsLikeTheImportDoes() {
        Shop shop = shop();
        Api admin = shop.staff("admin");
        assertInvalid(admin, with("currency", "EURO"), "currency", "not an ISO 4217 code");
        assertInvalid(admin, with("priceMinor", -1), "priceMinor", "negative");
        assertInvalid(admin, with("url", "javascript:alert(1)"), "url", "not an http(s) address");
        assertInvalid(admin, with("images", Collections.nCopies(21, "https://shop.example/a.jpg")), "images", "at most 20");
        assertInvalid(admin, with("title", " "), "title", "missing");
        assertInvalid(admin, with("title", "x".repeat(301)), "title", "longer than 300");
        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i <= 100; i++) {
            many.add(Map.of("sku", "V-" + i, "priceMinor", 100));
        }
        assertInvalid(admin, with("variants", many), "variants", "at most 100");
        assertInvalid(admin, with("variants", List.of(Map.of("sku", "V-1", "priceMinor", 1), Map.of("sku", "V-1", "priceMinor", 2))),
                "variants[1].sku", "listed twice");
        assertInvalid(admin, with("variants", List.of(Map.of("sku", "V-1", "priceMinor", 1, "shopifyVariantId", "abc"))),
                "variants[0].shopifyVariantId", "not a number");
        assertThat(admin.get(PRODUCTS).body().get("items")).as("nothing was stored").isEmpty();

        String csv = "id,sku,title,url,price,currency\np-1,S-1,Lamp,javascript:alert(1),10.00,EUR\n";
        JsonNode job = Uploads.importAndWait(admin, "bad.csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8), "");
        assertThat(job.get("errors").get(0).get("reason").asString()).as("the import refuses the same link")
                .contains("not an http(s) address");
    }

    @Test
    void shouldAnswerADuplicateSkuWithConflictNamingIt() {
        Shop shop = shop();
        Api admin = shop.staff("admin");
        assertThat(admin.post(PRODUCTS, lamp("LAMP-1", "Brass Lamp")).status()).isEqualTo(201);
        Map<String, Object> twin = lamp("LAMP-2", "Twin Lamp");
        twin.put("sku", "LAMP-1");
        var taken = admin.post(PRODUCTS, twin);
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.raw()).contains("sku_taken", "LAMP-1");
        Map<String, Object> variantTwin = lamp("LAMP-3", "Lamp with variants");
        admin.post(PRODUCTS, Map.of("sku", "LAMP-4", "title", "Other", "currency", "EUR",
                "variants", List.of(Map.of("sku", "LAMP-4-S", "priceMinor", 100))));
        variantTwin.put("variants", List.of(Map.of("sku", "LAMP-4-S", "priceMinor", 100)));
        var variantTaken = admin.post(PRODUCTS, variantTwin);
        assertThat(variantTaken.status()).isEqualTo(409);
        assertThat(variantTaken.raw()).contains("LAMP-4-S");
    }

    @Test
    void shouldLetOnlyAdminsEditAndOnlyTheirOwnMerchantsProducts() {
        Shop shop = shop("anna");
        Api admin = shop.staff("admin");
        String id = admin.post(PRODUCTS, lamp("LAMP-1", "Brass Lamp")).body().get("id").asString();
        Api anna = shop.staff("anna");
        assertThat(anna.post(PRODUCTS, lamp("LAMP-2", "Expert Lamp")).status()).isEqualTo(403);
        assertThat(anna.put(PRODUCTS + "/" + id, lamp("LAMP-1", "Hacked")).status()).isEqualTo(403);
        assertThat(anna.exchange("DELETE", PRODUCTS + "/" + id, null).status()).isEqualTo(403);

        Api stranger = shop().staff("admin");
        assertThat(stranger.put(PRODUCTS + "/" + id, lamp("LAMP-1", "Hacked")).status()).isEqualTo(404);
        assertThat(stranger.exchange("DELETE", PRODUCTS + "/" + id, null).status()).isEqualTo(404);
        assertThat(stranger.post(PRODUCTS, lamp("LAMP-1", "Same SKU, other shop")).status())
                .as("SKUs are unique per merchant only").isEqualTo(201);
        assertThat(admin.get(PRODUCTS + "/" + id).body().get("title").asString()).isEqualTo("Brass Lamp");
        JsonNode paths = Api.anonymous(port).get("/v3/api-docs").body().path("paths");
        assertThat(paths.path(PRODUCTS).has("post")).isTrue();
        assertThat(paths.path(PRODUCTS + "/{id}").has("put")).isTrue();
        assertThat(paths.path(PRODUCTS + "/{id}").has("delete")).isTrue();
    }

    @Test
    void shouldKeepEarlierProductCardsAndCartLinesOfADeletedProduct() {
        Shop shop = shop("anna");
        Api admin = shop.staff("admin");
        String id = admin.post(PRODUCTS, lamp("LAMP-1", "Brass Lamp")).body().get("id").asString();
        LiveStream live = LiveStream.start(shop, shop.online("anna"), "Hana Host");
        Socket host = live.socket(live.host);
        Socket expert = live.socket(live.expert);
        expert.send(io.vitrine.support.Frames.frame(live.id, "showProduct", "productId", id));
        host.await(event("PRODUCT"));
        host.send(io.vitrine.support.Frames.frame(live.id, "cartAdd", "productId", id, "quantity", 2));
        host.await(f -> type("cart").test(f) && f.path("cart").path("lines").size() == 1);

        assertThat(admin.exchange("DELETE", PRODUCTS + "/" + id, null).status()).isEqualTo(204);

        JsonNode transcript = live.host.get(live.path()).body();
        assertThat(transcript.path("events").valueStream().filter(e -> e.path("kind").asString().equals("PRODUCT"))
                .map(e -> e.path("product").path("title").asString()).toList()).containsExactly("Brass Lamp");
        JsonNode cart = live.expert.get(live.staffPath() + "/cart").body();
        assertThat(cart.path("lines").get(0).path("title").asString()).isEqualTo("Brass Lamp");
        assertThat(cart.path("lines").get(0).path("quantity").asInt()).isEqualTo(2);
        host.send(io.vitrine.support.Frames.frame(live.id, "handoff"));
        assertThat(host.await(type("handoff")).path("detail").path("lines").get(0).path("sku").asString())
                .as("the hand-off still finds it").isEqualTo("LAMP-1");

        expert.send(io.vitrine.support.Frames.frame(live.id, "showProduct", "productId", id));
        assertThat(expert.await(type("error")).path("code").asString()).as("a deleted product is not shown again")
                .isEqualTo("product_archived");
        host.send(io.vitrine.support.Frames.frame(live.id, "cartAdd", "productId", id, "quantity", 1));
        assertThat(host.await(type("error")).path("code").asString()).as("nor bought again from its old card")
                .isEqualTo("product_archived");
    }

    private static Map<String, Object> with(String field, Object value) {
        Map<String, Object> product = lamp("BAD-1", "Bad Lamp");
        product.put(field, value);
        return product;
    }

    private static void assertInvalid(Api admin, Map<String, Object> product, String field, String message) {
        var response = admin.post(PRODUCTS, product);
        assertThat(response.status()).as(response.raw()).isEqualTo(400);
        JsonNode error = response.body().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo(field);
        assertThat(error.get("message").asString()).contains(message);
    }
}
