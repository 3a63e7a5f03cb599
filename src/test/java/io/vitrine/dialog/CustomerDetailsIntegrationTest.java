package io.vitrine.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.merchant.MerchantSettings;
import io.vitrine.support.Api;
import io.vitrine.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Staff see who they are talking to; contact details only reach admins, and nothing leaves the merchant. */
class CustomerDetailsIntegrationTest extends IntegrationTest {

    private static final String PAGE = "https://shop.example/products/blue-shirt?size=m";

    @Test
    void shouldShowStaffTheNameTheShopperGaveAndThePageOfTheButton() {
        Shop shop = shop(collecting(), "anna");
        shop.online("anna");
        Api alex = shopperWithPersonalData(shop);
        String id = alex.post("/api/v1/widget/me/dialogs", Map.of("pageUrl", PAGE)).body().path("id").asString();

        JsonNode forExpert = shop.staff("anna").get("/api/v1/dialogs/" + id + "/customer").body();
        assertThat(forExpert.path("screenName").asString()).isEqualTo("Alex");
        assertThat(forExpert.path("name").asString()).isEqualTo("Alex Doe");
        assertThat(forExpert.path("pageUrl").asString()).isEqualTo(PAGE);
        assertThat(forExpert.path("email").isNull()).isTrue();
        assertThat(forExpert.path("phone").isNull()).isTrue();
        assertThat(forExpert.path("contactWithheld").asBoolean()).isTrue();

        JsonNode forAdmin = shop.staff("admin").get("/api/v1/dialogs/" + id).body().path("customer");
        assertThat(forAdmin.path("email").asString()).isEqualTo("alex@example.com");
        assertThat(forAdmin.path("phone").asString()).isEqualTo("+49 30 1234567");
    }

    @Test
    void shouldGiveTheEmailToAnswerALeftMessageToTheAdminOnly() {
        Shop shop = shop(collecting(), "anna");
        Api alex = shopperWithPersonalData(shop);
        String id = alex.post("/api/v1/widget/me/dialogs", Map.of("message", "Please call me back")).body().path("id").asString();

        assertThat(shop.staff("admin").get("/api/v1/dialogs/" + id + "/customer").body().path("email").asString())
                .isEqualTo("alex@example.com");
        assertThat(shop.staff("anna").get("/api/v1/dialogs/" + id + "/customer").raw()).doesNotContain("alex@example.com");
    }

    @Test
    void shouldKeepShoppersDataFromOtherMerchantsAndDropAddressesThatAreNoWebPages() {
        Shop shop = shop(collecting(), "anna");
        shop.online("anna");
        Api alex = shopperWithPersonalData(shop);
        String id = alex.post("/api/v1/widget/me/dialogs", Map.of("pageUrl", "javascript:alert(1)")).body().path("id").asString();

        assertThat(shop.staff("anna").get("/api/v1/dialogs/" + id + "/customer").body().path("pageUrl").isNull()).isTrue();
        Shop other = shop("ben");
        assertThat(other.staff("admin").get("/api/v1/dialogs/" + id + "/customer").status()).isEqualTo(404);
    }

    private static MerchantSettings collecting() {
        return new MerchantSettings("#1f6feb", "bottom-right", "Live", true, List.of("name", "email", "phone"), null, 60, 3, true);
    }

    private Api shopperWithPersonalData(Shop shop) {
        var created = Api.anonymous(port).post("/api/v1/widget/" + shop.slug() + "/shoppers", Map.of("screenName", "Alex",
                "name", "Alex Doe", "email", "alex@example.com", "phone", "+49 30 1234567", "consent", true));
        assertThat(created.status()).isEqualTo(201);
        return Api.withToken(port, created.body().path("token").asString());
    }
}
