package io.vitrine.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.support.Api;
import io.vitrine.support.IntegrationTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The privacy link is shown to every shopper in the widget: it must lead to the merchant's own https site. */
class PrivacyUrlIntegrationTest extends IntegrationTest {

    @Test
    void shouldAcceptOnlyAbsoluteHttpsUrls() {
        Api admin = shop().staff("admin");

        for (String bad : List.of("//evil.example/privacy", "/\\evil.example", "https://shop.example/\"><script>alert(1)</script>",
                "javascript:alert(1)", "http://shop.example/privacy", "/privacy")) {
            var response = admin.put("/api/v1/merchant/settings", settings(bad));
            assertThat(response.status()).as(bad).isEqualTo(400);
            assertThat(response.body().path("errors").get(0).path("field").asString()).as(bad).isEqualTo("privacyPolicyUrl");
            assertThat(response.body().path("errors").get(0).path("message").asString())
                    .isEqualTo("Please enter a full https address, like https://shop.example/privacy.");
        }

        var good = admin.put("/api/v1/merchant/settings", settings("https://shop.example/legal/privacy?lang=en"));
        assertThat(good.status()).isEqualTo(200);
        assertThat(good.body().path("settings").path("privacyPolicyUrl").asString())
                .isEqualTo("https://shop.example/legal/privacy?lang=en");
        assertThat(admin.put("/api/v1/merchant/settings", settings(null)).status()).isEqualTo(200);
    }

    private static Map<String, Object> settings(String privacyUrl) {
        Map<String, Object> settings = new HashMap<>(Map.of("buttonColor", "#1f6feb", "buttonPosition", "bottom-right",
                "buttonLabel", "Live", "collectPersonalData", false, "personalDataFields", List.of(),
                "routingFallbackSeconds", 60, "expertCapacity", 3, "coopShopping", true));
        settings.put("privacyPolicyUrl", privacyUrl);
        return settings;
    }
}
