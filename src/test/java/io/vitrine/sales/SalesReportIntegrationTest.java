package io.vitrine.sales;

import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.catalog.Money;
import io.vitrine.merchant.Role;
import io.vitrine.merchant.TeamApi;
import io.vitrine.support.Api;
import io.vitrine.support.IntegrationTest;
import io.vitrine.support.LiveStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The sales report over real dialogs and orders: two experts, two currencies, a store, conversion. */
class SalesReportIntegrationTest extends IntegrationTest {

    @Autowired
    SalesApi sales;

    @Test
    void shouldReportOrdersRevenuePerCurrencyPerExpertAndStoreAndTheConversionOfDialogs() {
        Shop shop = shop("anna", "ben");
        UUID cleo = team.addMember(shop.merchant().id(), new TeamApi.NewMember("cleo@" + shop.slug() + ".test",
                "Cleo Expert", PASSWORD, Role.EXPERT, "cleo", "Berlin")).id();
        UUID anna = shop.memberId("anna");
        UUID ben = shop.memberId("ben");

        Api annaApi = shop.online("anna");
        LiveStream first = LiveStream.start(shop, annaApi, "Host one");
        LiveStream second = LiveStream.start(shop, annaApi, "Host two");
        annaApi.put("/api/v1/me/presence", Map.of("status", "AWAY"));
        Api benApi = shop.online("ben");
        LiveStream third = LiveStream.start(shop, benApi, "Host three");
        for (LiveStream stream : List.of(first, second, third)) {
            assertThat(stream.expert.post(stream.staffPath() + "/end", null).status()).isEqualTo(200);
        }

        UUID merchant = shop.merchant().id();
        place(merchant, UUID.fromString(first.id), anna, OrderStatus.PLACED, "EUR", 5000);
        place(merchant, UUID.fromString(first.id), anna, OrderStatus.PAID, "USD", 2000);
        place(merchant, null, anna, OrderStatus.CANCELLED, "EUR", 99900);
        place(merchant, UUID.fromString(third.id), ben, OrderStatus.PAID, "EUR", 1000);
        place(merchant, null, cleo, OrderStatus.PLACED, "EUR", 700);
        place(merchant, null, null, OrderStatus.PLACED, "EUR", 500);

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Api admin = shop.staff("admin");
        JsonNode report = admin.get("/api/v1/sales/report?from=" + today + "&to=" + today).body();

        assertThat(report.get("orders").asLong()).as("the cancelled order does not count").isEqualTo(5);
        assertThat(revenue(report)).containsExactly("EUR:4:7200", "USD:1:2000");
        JsonNode annaRow = expert(report, anna);
        assertThat(annaRow.get("orders").asLong()).isEqualTo(2);
        assertThat(revenue(annaRow)).containsExactly("EUR:1:5000", "USD:1:2000");
        assertThat(annaRow.get("conversion").get("dialogs").asLong()).isEqualTo(2);
        assertThat(annaRow.get("conversion").get("dialogsWithOrder").asLong()).isEqualTo(1);
        assertThat(annaRow.get("conversion").get("rate").asDouble()).isEqualTo(0.5);
        JsonNode benRow = expert(report, ben);
        assertThat(revenue(benRow)).containsExactly("EUR:1:1000");
        assertThat(benRow.get("conversion").get("rate").asDouble()).isEqualTo(1.0);
        assertThat(report.get("stores")).singleElement().satisfies(store -> {
            assertThat(store.get("store").asString()).isEqualTo("Berlin");
            assertThat(revenue(store)).containsExactly("EUR:1:700");
        });
        assertThat(report.get("conversion").get("dialogs").asLong()).isEqualTo(3);
        assertThat(report.get("conversion").get("dialogsWithOrder").asLong()).isEqualTo(2);

        JsonNode yesterday = admin.get("/api/v1/sales/report?from=" + today.minusDays(1) + "&to=" + today.minusDays(1)).body();
        assertThat(yesterday.get("orders").asLong()).isZero();
        assertThat(yesterday.get("conversion").get("dialogs").asLong()).isZero();
        Api.Response backwards = admin.get("/api/v1/sales/report?from=" + today + "&to=" + today.minusDays(3));
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(admin.get("/api/v1/sales/report?from=yesterday").status()).isEqualTo(400);
        assertThat(shop.staff("anna").get("/api/v1/sales/report").status()).isEqualTo(403);
        assertThat(shop("zed").staff("admin").get("/api/v1/sales/report").body().get("orders").asLong())
                .as("another merchant sees none of it").isZero();

        String page = admin.get("/admin/sales?from=" + today + "&to=" + today).raw();
        assertThat(page).contains("Anna Expert").contains("72.00").contains("20.00").contains("Berlin").contains("50.0 %");
        assertThat(page).as("one head for the sales pages, texts translated by sales.js")
                .contains("/admin/sales.js").contains("importmap").contains("data-i18n=\"sales.perExpert\"")
                .contains("data-i18n=\"sales.status.PAID\"").contains("data-i18n=\"sales.source.WEBHOOK\"");
        String orderPage = admin.get("/admin/sales/orders/" + admin.get("/api/v1/orders").body().get(0).get("id").asString()).raw();
        assertThat(orderPage).contains("/admin/sales.js").contains("data-i18n=\"sales.attribution\"")
                .contains("data-i18n-document-title=\"sales.orderDocumentTitle\"");
        assertThat(admin.get("/api/v1/orders?dialogId=" + first.id).body()).hasSize(2);
    }

    private void place(UUID merchant, UUID dialog, UUID expert, OrderStatus status, String currency, long minor) {
        sales.placeOrder(new NewOrder(merchant, OrderSource.WEBHOOK, UUID.randomUUID().toString(), status,
                new Buyer("Buyer", "buyer@example.com", null),
                List.of(new OrderLine("SKU", "Thing", 1, new Money(minor, currency))), dialog, expert, null));
    }

    private static JsonNode expert(JsonNode report, UUID id) {
        for (JsonNode row : report.get("experts")) {
            if (row.get("expertId").asString().equals(id.toString())) {
                return row;
            }
        }
        throw new AssertionError("no row for " + id + " in " + report);
    }

    private static List<String> revenue(JsonNode node) {
        List<String> values = new java.util.ArrayList<>();
        node.get("revenue").forEach(r -> values.add(r.get("currency").asString() + ":" + r.get("orders").asLong() + ":"
                + r.get("amountMinor").asLong()));
        return values;
    }
}
