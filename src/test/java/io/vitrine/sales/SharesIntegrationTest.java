package io.vitrine.sales;

import static io.vitrine.sales.SalesFixtures.post;
import static io.vitrine.sales.SalesFixtures.vitrineSignature;
import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.catalog.CatalogApi;
import io.vitrine.catalog.ImportFormat;
import io.vitrine.shared.QrCodesUnitTest;
import io.vitrine.support.Api;
import io.vitrine.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Shares through the real server: link, redirect with UTM, visit counts, QR code, revoke, attribution, tenancy. */
class SharesIntegrationTest extends IntegrationTest {

    @Autowired
    CatalogApi catalog;

    @Test
    void shouldShareAProductCountVisitsAttributeTheOrderAndStopCountingOnceRevoked() throws Exception {
        Shop shop = shop("anna");
        UUID scarf = product(shop, "SC-1", "Wool scarf", "https://shop.example/products/scarf?colour=red");
        Api anna = shop.staff("anna");

        Api.Response created = anna.post("/api/v1/shares", Map.of("productId", scarf));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        JsonNode share = created.body();
        String link = share.get("link").asString();
        String token = link.substring(link.lastIndexOf('/') + 1);
        assertThat(link).isEqualTo("http://localhost:" + port + "/s/" + token);
        assertThat(token).hasSizeGreaterThanOrEqualTo(43).as("256 random bits");

        Api.Response opened = Api.anonymous(port).get("/s/" + token);
        assertThat(opened.status()).isEqualTo(302);
        String location = SalesFixtures.getBytes(link, null).headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("https://shop.example/products/scarf?colour=red&utm_source=vitrine&utm_medium=share&utm_campaign=SC-1&vitrine_share=" + token);
        assertThat(anna.get("/api/v1/shares/" + share.get("id").asString()).body().get("visits").asLong()).isEqualTo(2);

        var png = SalesFixtures.getBytes("http://localhost:" + port + "/api/v1/shares/" + share.get("id").asString() + "/qr.png",
                anna.cookieHeader());
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(QrCodesUnitTest.decode(png.body())).isEqualTo(link);
        var svg = SalesFixtures.getBytes("http://localhost:" + port + "/api/v1/shares/" + share.get("id").asString() + "/qr.svg",
                anna.cookieHeader());
        assertThat(svg.headers().firstValue("Content-Type").orElseThrow()).startsWith("image/svg+xml");
        assertThat(new String(svg.body(), StandardCharsets.UTF_8)).startsWith("<svg");

        Api admin = shop.staff("admin");
        SalesFixtures.setSecret(admin, "vitrine", "whsec_0123456789abcdef");
        String body = """
                {"id":"S-1","currency":"EUR","shareToken":"%s","buyer":{"email":"eve@buyer.example"},
                 "lines":[{"sku":"SC-1","title":"Wool scarf","quantity":1,"unitPrice":"39.00"}]}""".formatted(token);
        Api.Response order = post(port, "/api/v1/webhooks/orders/" + shop.slug(), body, "Vitrine-Signature",
                vitrineSignature("whsec_0123456789abcdef", Instant.now().getEpochSecond(), body));
        assertThat(order.status()).as(order.raw()).isEqualTo(200);
        JsonNode attribution = admin.get("/api/v1/orders/" + order.body().get("id").asString()).body().get("attribution");
        assertThat(attribution.get("expertId").asString()).isEqualTo(shop.memberId("anna").toString());
        assertThat(attribution.get("shareId").asString()).isEqualTo(share.get("id").asString());

        Api.Response revoked = anna.post("/api/v1/shares/" + share.get("id").asString() + "/revoke", null);
        assertThat(revoked.body().get("revoked").asBoolean()).isTrue();
        String afterRevoke = SalesFixtures.getBytes(link, null).headers().firstValue("Location").orElseThrow();
        assertThat(afterRevoke).isEqualTo("https://shop.example/products/scarf?colour=red");
        assertThat(anna.get("/api/v1/shares").body().get(0).get("visits").asLong()).as("a revoked share stops counting").isEqualTo(2);
        assertThat(Api.anonymous(port).get("/s/not-a-token").status()).isEqualTo(404);
    }

    @Test
    void shouldKeepSharesToTheirExpertAndMerchant() {
        Shop north = shop("anna", "ben");
        Shop south = shop("bob");
        UUID scarf = product(north, "SC-1", "Wool scarf", "https://north.example/scarf");
        UUID noPage = product(north, "NP-1", "No page", "");
        Api anna = north.staff("anna");
        String shareId = anna.post("/api/v1/shares", Map.of("productId", scarf)).body().get("id").asString();

        assertThat(north.staff("ben").get("/api/v1/shares/" + shareId).status()).isEqualTo(404);
        assertThat(north.staff("ben").post("/api/v1/shares/" + shareId + "/revoke", null).status()).isEqualTo(404);
        assertThat(north.staff("ben").get("/api/v1/shares").body()).isEmpty();
        assertThat(north.staff("ben").get("/api/v1/shares?all=true").status()).isEqualTo(403);
        assertThat(north.staff("admin").get("/api/v1/shares?all=true").body()).hasSize(1);
        assertThat(south.staff("bob").get("/api/v1/shares/" + shareId).status()).isEqualTo(404);
        assertThat(south.staff("admin").get("/api/v1/shares/" + shareId + "/qr.svg").status()).isEqualTo(404);
        assertThat(south.staff("bob").post("/api/v1/shares", Map.of("productId", scarf)).status())
                .as("another merchant's product").isEqualTo(404);
        Api.Response withoutPage = anna.post("/api/v1/shares", Map.of("productId", noPage));
        assertThat(withoutPage.status()).isEqualTo(409);
        assertThat(withoutPage.body().get("code").asString()).isEqualTo("product_without_page");
        assertThat(anna.post("/api/v1/shares", Map.of()).status()).isEqualTo(400);
        assertThat(Api.anonymous(port).get("/api/v1/shares").status()).isEqualTo(401);
    }

    private UUID product(Shop shop, String sku, String title, String url) {
        String csv = SalesFixtures.CSV_HEADER + sku + "," + sku + "," + title + ",," + url + ",,39.00,EUR,true,5,,\n";
        catalog.importNow(shop.merchant().id(), new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                ImportFormat.CSV, "p.csv");
        return catalog.findBySku(shop.merchant().id(), sku, null).orElseThrow().id();
    }
}
