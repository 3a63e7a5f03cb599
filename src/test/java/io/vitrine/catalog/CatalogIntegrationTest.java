package io.vitrine.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.support.Api;
import io.vitrine.support.IntegrationTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The catalog through the real server: upload, job status, re-import, search, favourites, roles and tenancy. */
class CatalogIntegrationTest extends IntegrationTest {

    private static final String HEADER = "id,sku,title,description,url,image_urls,price,currency,available,stock,variant_sku,options\n";

    @Test
    void shouldImportACsvReportBadRowsByLineAndLetExpertsSearchIt() throws IOException {
        Shop shop = shop("anna");
        Api admin = shop.staff("admin");

        JsonNode job = Uploads.importAndWait(admin, "products.csv", resource("products.csv"), "");

        assertThat(job.get("status").asString()).isEqualTo("DONE");
        assertThat(job.get("progress").asDouble()).isEqualTo(1.0);
        assertThat(job.get("rowsRead").asInt()).isEqualTo(9);
        assertThat(job.get("rowsImported").asInt()).isEqualTo(5);
        assertThat(job.get("errorCount").asInt()).isEqualTo(4);
        assertThat(lines(job)).containsExactly(5L, 6L, 9L, 10L);
        assertThat(job.get("errors").get(2).get("reason").asString())
                .isEqualTo("the SKU SKU-1 is already used by the product p-1");

        Api anna = shop.staff("anna");
        JsonNode all = anna.get("/api/v1/catalog/products").body();
        assertThat(titles(all)).containsExactly("After an empty line", "Café crème mug ☕", "Shirt, blue", "Tee");
        JsonNode tee = anna.get("/api/v1/catalog/products?q=organic").body().get("items").get(0);
        assertThat(tee.get("title").asString()).isEqualTo("Tee");
        assertThat(tee.get("price").get("amountMinor").asLong()).as("lowest variant price").isEqualTo(2500);
        assertThat(tee.get("variants")).hasSize(2);
        assertThat(tee.get("variants").get(1).get("options").get("Size").asString()).isEqualTo("M");
        assertThat(anna.get("/api/v1/catalog/products/by-sku/TEE-M").body().get("id")).isEqualTo(tee.get("id"));
    }

    @Test
    void shouldUpdateOnReImportWithoutDuplicates() {
        Shop shop = shop();
        Api admin = shop.staff("admin");
        String first = HEADER + "p-1,S-1,Scarf,Wool scarf,,,30.00,EUR,true,3,,\n"
                + "p-2,S-2,Tee,,,,20.00,EUR,,,S-2-S,Size=S\n";
        Uploads.importAndWait(admin, "a.csv", first.getBytes(StandardCharsets.UTF_8), "");
        String second = HEADER + "p-1,S-1,Scarf,Merino scarf,,,35.00,EUR,true,3,,\n"
                + "p-2,S-2,Tee,,,,22.00,EUR,,,S-2-S,Size=S\n"
                + "p-2,S-2,Tee,,,,24.00,EUR,,,S-2-M,Size=M\n";
        JsonNode job = Uploads.importAndWait(admin, "b.csv", second.getBytes(StandardCharsets.UTF_8), "");

        assertThat(job.get("rowsImported").asInt()).isEqualTo(3);
        JsonNode items = admin.get("/api/v1/catalog/products").body().get("items");
        assertThat(items).hasSize(2);
        JsonNode scarf = items.get(0);
        assertThat(scarf.get("description").asString()).isEqualTo("Merino scarf");
        assertThat(scarf.get("price").get("amountMinor").asLong()).isEqualTo(3500);
        assertThat(items.get(1).get("variants")).extracting(v -> v.get("sku").asString()).containsExactly("S-2-S", "S-2-M");
        assertThat(items.get(1).get("price").get("amountMinor").asLong()).isEqualTo(2200);
    }

    @Test
    void shouldImportShopifyJsonAndGoogleFeeds() throws IOException {
        Shop shop = shop();
        Api admin = shop.staff("admin");

        JsonNode shopify = Uploads.importAndWait(admin, "products.json", resource("shopify-products.json"),
                "currency=USD&siteUrl=https://shop.example");
        assertThat(shopify.get("format").asString()).isEqualTo("SHOPIFY");
        assertThat(shopify.get("rowsImported").asInt()).isEqualTo(4);
        assertThat(lines(shopify)).containsExactly(29L);
        JsonNode google = Uploads.importAndWait(admin, "feed", resource("google-feed.xml"), "");
        assertThat(google.get("format").asString()).isEqualTo("GOOGLE");
        assertThat(lines(google)).containsExactly(40L);

        JsonNode linen = admin.get("/api/v1/catalog/products/by-sku/LIN-L-SND").body();
        assertThat(linen.get("url").asString()).isEqualTo("https://shop.example/products/linen-shirt");
        assertThat(linen.get("price").get("amountMinor").asLong()).isEqualTo(4550);
        assertThat(linen.get("price").get("currency").asString()).isEqualTo("USD");
        JsonNode hoodie = admin.get("/api/v1/catalog/products?q=fleece").body().get("items");
        assertThat(hoodie).singleElement().satisfies(p -> {
            assertThat(p.get("variants")).hasSize(2);
            assertThat(p.get("available").asBoolean()).as("one size is in stock").isTrue();
        });
    }

    @Test
    void shouldRefuseGarbageAndWrongFilesWithAClearErrorNeverA500() {
        Shop shop = shop();
        Api admin = shop.staff("admin");
        byte[] garbage = new byte[10 * 1024 * 1024];
        new Random(7).nextBytes(garbage);

        Api.Response refused = Uploads.upload(admin, "catalog.csv", garbage, "");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("code").asString()).isEqualTo("catalog_file_unreadable");
        assertThat(refused.body().get("detail").asString()).contains("not a text file");

        Api.Response notJson = Uploads.upload(admin, "products.json", "sku,title\n".getBytes(StandardCharsets.UTF_8), "");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.body().get("detail").asString()).contains("Shopify");

        Api.Response brokenJson = Uploads.upload(admin, "p.json", "{\"products\": [{\"id\": 1, ".getBytes(StandardCharsets.UTF_8), "");
        JsonNode failed = Uploads.awaitFinished(admin, brokenJson.body().get("id").asString());
        assertThat(failed.get("status").asString()).isEqualTo("FAILED");
        assertThat(failed.get("message").asString()).contains("not valid JSON");

        Api.Response badCurrency = Uploads.upload(admin, "p.json", "{}".getBytes(StandardCharsets.UTF_8), "currency=EURO");
        assertThat(badCurrency.status()).isEqualTo(400);
    }

    @Test
    void shouldLetOnlyAdminsImportAndKeepMerchantsApart() throws IOException {
        Shop shop = shop("anna");
        Shop other = shop("otto");
        JsonNode job = Uploads.importAndWait(shop.staff("admin"), "products.csv", resource("products.csv"), "");
        String productId = shop.staff("anna").get("/api/v1/catalog/products").body().get("items").get(0).get("id").asString();

        Api.Response byExpert = Uploads.upload(shop.staff("anna"), "products.csv", resource("products.csv"), "");
        assertThat(byExpert.status()).isEqualTo(403);
        assertThat(shop.staff("anna").get("/api/v1/catalog/imports/" + job.get("id").asString()).status()).isEqualTo(403);

        Api otto = other.staff("otto");
        assertThat(otto.get("/api/v1/catalog/products/" + productId).status()).isEqualTo(404);
        assertThat(otto.put("/api/v1/catalog/products/" + productId + "/favourite", null).status()).isEqualTo(404);
        assertThat(otto.get("/api/v1/catalog/products/by-sku/SKU-1").status()).isEqualTo(404);
        assertThat(otto.get("/api/v1/catalog/products?q=shirt").body().get("items")).isEmpty();
        assertThat(other.staff("admin").get("/api/v1/catalog/imports/" + job.get("id").asString()).status()).isEqualTo(404);
        assertThat(Api.anonymous(port).get("/api/v1/catalog/products").status()).isEqualTo(401);
        // A staff page like /admin: a client asking for JSON is told to authenticate (browsers are sent to /login).
        assertThat(Api.anonymous(port).get("/admin/catalog").status()).isEqualTo(Api.anonymous(port).get("/admin").status())
                .isEqualTo(401);
        assertThat(Api.anonymous(port).get("/v3/api-docs").raw()).contains("/api/v1/catalog/imports", "/api/v1/catalog/products/{id}/favourite");
    }

    @Test
    void shouldPutEachExpertsFavouritesFirst() {
        Shop shop = shop("anna", "ben");
        StringBuilder csv = new StringBuilder(HEADER);
        for (char c = 'A'; c <= 'L'; c++) {
            csv.append("p-").append(c).append(",S-").append(c).append(",Lamp ").append(c).append(",Brass lamp,,,10.00,EUR,,,,\n");
        }
        Uploads.importAndWait(shop.staff("admin"), "lamps.csv", csv.toString().getBytes(StandardCharsets.UTF_8), "");
        Api anna = shop.staff("anna");
        String lampK = anna.get("/api/v1/catalog/products/by-sku/S-K").body().get("id").asString();
        String lampH = anna.get("/api/v1/catalog/products/by-sku/S-H").body().get("id").asString();

        assertThat(anna.put("/api/v1/catalog/products/" + lampK + "/favourite", null).status()).isEqualTo(204);
        assertThat(anna.put("/api/v1/catalog/products/" + lampH + "/favourite", null).status()).isEqualTo(204);
        assertThat(anna.put("/api/v1/catalog/products/" + lampH + "/favourite", null).status()).as("idempotent").isEqualTo(204);

        JsonNode first = anna.get("/api/v1/catalog/products?q=lamp&size=5").body();
        assertThat(titles(first)).containsExactly("Lamp H", "Lamp K", "Lamp A", "Lamp B", "Lamp C");
        assertThat(first.get("items").get(0).get("favourite").asBoolean()).isTrue();
        assertThat(first.get("hasNext").asBoolean()).isTrue();
        assertThat(titles(anna.get("/api/v1/catalog/products?q=lamp&size=5&page=1").body()))
                .containsExactly("Lamp D", "Lamp E", "Lamp F", "Lamp G", "Lamp I");
        JsonNode last = anna.get("/api/v1/catalog/products?q=lamp&size=5&page=2").body();
        assertThat(titles(last)).containsExactly("Lamp J", "Lamp L");
        assertThat(last.get("hasNext").asBoolean()).isFalse();
        assertThat(titles(shop.staff("ben").get("/api/v1/catalog/products?q=lamp&size=3").body()))
                .as("favourites are per expert").containsExactly("Lamp A", "Lamp B", "Lamp C");

        assertThat(anna.exchange("DELETE", "/api/v1/catalog/products/" + lampK + "/favourite", null).status()).isEqualTo(204);
        assertThat(titles(anna.get("/api/v1/catalog/products/favourites").body())).containsExactly("Lamp H");
        assertThat(anna.get("/api/v1/catalog/products?size=500").status()).isEqualTo(400);
    }

    private static List<Long> lines(JsonNode job) {
        List<Long> lines = new java.util.ArrayList<>();
        job.get("errors").forEach(e -> lines.add(e.get("line").asLong()));
        return lines;
    }

    private static List<String> titles(JsonNode pageOrList) {
        JsonNode items = pageOrList.isArray() ? pageOrList : pageOrList.get("items");
        List<String> titles = new java.util.ArrayList<>();
        items.forEach(p -> titles.add(p.get("title").asString()));
        return titles;
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = CatalogIntegrationTest.class.getResourceAsStream("/catalog/" + name)) {
            return in.readAllBytes();
        }
    }
}
