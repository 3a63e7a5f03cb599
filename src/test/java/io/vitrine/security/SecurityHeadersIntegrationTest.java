package io.vitrine.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.support.Api;
import io.vitrine.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What browsers are told about each page: where scripts may come from, who may frame it, what it may refer. */
class SecurityHeadersIntegrationTest extends IntegrationTest {

    private static final Pattern NONCE = Pattern.compile("script-src 'self' 'nonce-([A-Za-z0-9+/=]{20,})'");

    @Test
    void shouldSendAPolicyWithAFreshNonceAndNoFramingOnEveryStaffPage() {
        for (String path : List.of("/", "/login", "/no-such-page")) {
            HttpHeaders headers = get(path).headers();
            String policy = headers.firstValue("Content-Security-Policy").orElse("");
            assertThat(policy).as(path).contains("default-src 'self'", "object-src 'none'", "base-uri 'none'",
                    "frame-ancestors 'none'");
            assertThat(NONCE.matcher(policy).find()).as(path).isTrue();
            assertThat(headers.firstValue("Referrer-Policy")).as(path).contains("strict-origin-when-cross-origin");
        }
        assertThat(nonce(get("/login").headers())).isNotEqualTo(nonce(get("/login").headers()));
    }

    @Test
    void shouldKeepInviteTokensOutOfTheReferer() {
        HttpHeaders headers = get("/join/some-invite-token").headers();
        assertThat(headers.firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(headers.firstValue("Content-Security-Policy").orElse("")).contains("frame-ancestors 'none'");
    }

    @Test
    void shouldLetOnlyTheMerchantsSitesFrameTheWidgetOnceItRestrictsThem() {
        Shop shop = shop();
        Api admin = shop.staff("admin");
        assertThat(widgetAncestors(shop)).as("unrestricted: any site").isEqualTo("frame-ancestors *");

        var saved = admin.put("/api/v1/merchant/settings", settings(List.of("https://shop.example.com", "https://*.shop.example.com")));
        assertThat(saved.status()).as(saved.raw()).isEqualTo(200);
        assertThat(widgetAncestors(shop)).isEqualTo("frame-ancestors https://shop.example.com https://*.shop.example.com");
        assertThat(get("/widget/" + shop.slug()).headers().firstValue("Referrer-Policy")).contains("no-referrer");

        assertThat(admin.put("/api/v1/merchant/settings", settings(null)).status()).isEqualTo(200);
        assertThat(widgetAncestors(shop)).as("a change that does not mention the sites keeps them")
                .isEqualTo("frame-ancestors https://shop.example.com https://*.shop.example.com");

        var bad = admin.put("/api/v1/merchant/settings", settings(List.of("https://shop.example.com; script-src *")));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().path("errors").get(0).path("field").asString()).startsWith("embedOrigins");

        assertThat(admin.put("/api/v1/merchant/settings", settings(List.of())).status()).isEqualTo(200);
        assertThat(widgetAncestors(shop)).isEqualTo("frame-ancestors *");
    }

    private String widgetAncestors(Shop shop) {
        String policy = get("/widget/" + shop.slug()).headers().firstValue("Content-Security-Policy").orElse("");
        return policy.substring(policy.indexOf("frame-ancestors"));
    }

    private static String nonce(HttpHeaders headers) {
        Matcher matcher = NONCE.matcher(headers.firstValue("Content-Security-Policy").orElse(""));
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    private static Map<String, Object> settings(List<String> embedOrigins) {
        Map<String, Object> settings = new HashMap<>(Map.of("buttonColor", "#1f6feb", "buttonPosition", "bottom-right",
                "buttonLabel", "Live", "collectPersonalData", false, "personalDataFields", List.of(),
                "routingFallbackSeconds", 60, "expertCapacity", 3, "coopShopping", true));
        settings.put("embedOrigins", embedOrigins);
        return settings;
    }

    private HttpResponse<String> get(String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
