package io.vitrine.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.support.Api;
import io.vitrine.support.IntegrationTest;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A merchant's admin learns nothing about other merchants' teams; one person may work for several shops. */
class TeamEmailIntegrationTest extends IntegrationTest {

    @Test
    void shouldNotRevealThatAnEmailIsUsedAtAnotherMerchant() {
        Shop first = shop();
        Shop second = shop();
        String elsewhere = "admin@" + first.slug() + ".test";

        var added = second.staff("admin").post("/api/v1/team", member(elsewhere, "other-password-1"));
        assertThat(added.status()).as(added.raw()).isEqualTo(201);

        var again = second.staff("admin").post("/api/v1/team", member(elsewhere.toUpperCase(), "other-password-1"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().path("code").asString()).isEqualTo("email_taken");
        assertThat(again.body().path("detail").asString()).isEqualTo("A member of your team already has this email address.");
    }

    @Test
    void shouldLogInToTheShopWhosePasswordFitsAndAskForTheShopWhenBothFit() {
        Shop first = shop();
        Shop second = shop();
        Shop third = shop();
        String email = "admin@" + first.slug() + ".test";
        assertThat(second.staff("admin").post("/api/v1/team", member(email, "second-password")).status()).isEqualTo(201);
        assertThat(third.staff("admin").post("/api/v1/team", member(email, PASSWORD)).status()).isEqualTo(201);

        assertThat(merchantOf(Api.staff(port, email, "second-password"))).isEqualTo(second.slug());

        HttpResponse<String> ambiguous = login(email, PASSWORD, null);
        assertThat(ambiguous.headers().firstValue("Location").orElse("")).endsWith("/login?shop");
        assertThat(Api.anonymous(port).get("/login?shop").raw())
                .contains("You work for\n        several shops with this email address").contains("name=\"shop\"");

        HttpResponse<String> chosen = login(email, PASSWORD, third.slug());
        assertThat(chosen.headers().firstValue("Location").orElse("")).endsWith("/console");
        assertThat(login(email, "second-password", third.slug()).headers().firstValue("Location").orElse(""))
                .endsWith("/login?error");
    }

    private static String merchantOf(Api staff) {
        return staff.get("/api/v1/me").body().path("merchant").path("slug").asString();
    }

    private static Map<String, Object> member(String email, String password) {
        return Map.of("email", email, "displayName", "Pat", "password", password, "role", "ADMIN");
    }

    private HttpResponse<String> login(String email, String password, String shop) {
        try {
            var cookies = new CookieManager();
            HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
            URI login = URI.create("http://localhost:" + port + "/login");
            http.send(HttpRequest.newBuilder(login).build(), HttpResponse.BodyHandlers.discarding());
            String csrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                    .map(HttpCookie::getValue).findFirst().orElseThrow();
            String form = "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                    + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                    + (shop == null ? "" : "&shop=" + shop);
            return http.send(HttpRequest.newBuilder(login).header("Content-Type", "application/x-www-form-urlencoded")
                    .header("X-XSRF-TOKEN", csrf).POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
