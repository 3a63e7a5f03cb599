package io.vitrine;

import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.merchant.MerchantSettings;
import io.vitrine.support.Api;
import io.vitrine.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bad input gets a problem detail with a clear message, never a 500. */
class ApiValidationIntegrationTest extends IntegrationTest {

    @Test
    void shouldExplainInvalidShopperInput() {
        Shop shop = shop("anna");
        Api anonymous = Api.anonymous(port);
        var blank = anonymous.post("/api/v1/widget/" + shop.slug() + "/shoppers", Map.of("screenName", " "));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.body().path("errors").get(0).path("field").asString()).isEqualTo("screenName");

        var tooLong = anonymous.post("/api/v1/widget/" + shop.slug() + "/shoppers", Map.of("screenName", "x".repeat(41)));
        assertThat(tooLong.status()).isEqualTo(400);

        var malformed = anonymous.postRaw("/api/v1/widget/" + shop.slug() + "/shoppers", "{oops");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body().path("detail").asString()).contains("not valid JSON");

        var unknownMerchant = anonymous.post("/api/v1/widget/no-such-shop/shoppers", Map.of("screenName", "Alex"));
        assertThat(unknownMerchant.status()).isEqualTo(404);
        assertThat(anonymous.get("/api/v1/widget/no-such-shop/config").status()).isEqualTo(404);

        assertThat(anonymous.get("/api/v1/widget/me").status()).isEqualTo(401);
        assertThat(Api.withToken(port, "forged").get("/api/v1/widget/me/dialogs").body().path("code").asString())
                .isEqualTo("unauthenticated");
    }

    @Test
    void shouldNameEachInvalidFieldWithACodeAndItsLimitInWordsForPeople() {
        Shop shop = shop("anna");
        Api anonymous = Api.anonymous(port);
        String path = "/api/v1/widget/" + shop.slug() + "/shoppers";

        var blank = anonymous.post(path, Map.of("screenName", " "));
        assertThat(blank.body().path("detail").asString()).isEqualTo("Some fields need your attention.");
        var required = blank.body().path("errors").get(0);
        assertThat(required.path("code").asString()).isEqualTo("required");
        assertThat(required.path("message").asString()).isEqualTo("Please fill in this field.");

        var tooLong = anonymous.post(path, Map.of("screenName", "Alex", "name", "x".repeat(121))).body().path("errors").get(0);
        assertThat(tooLong.path("field").asString()).isEqualTo("name");
        assertThat(tooLong.path("code").asString()).isEqualTo("too_long");
        assertThat(tooLong.path("max").asInt()).isEqualTo(120);
        assertThat(tooLong.path("message").asString()).isEqualTo("Please use at most 120 characters.");

        var email = anonymous.post(path, Map.of("screenName", "Alex", "email", "nope")).body().path("errors").get(0);
        assertThat(email.path("code").asString()).isEqualTo("email");
        assertThat(blank.raw() + tooLong + email).doesNotContain("must not be blank", "size must be between");
    }

    @Test
    void shouldRequireThePersonalDataAndConsentTheMerchantAsksFor() {
        var settings = new MerchantSettings("#1f6feb", "bottom-right", "Live", true, List.of("name", "email"),
                "https://shop.example/privacy", 60, 3, true);
        Shop shop = shop(settings, "anna");
        String path = "/api/v1/widget/" + shop.slug() + "/shoppers";
        Api anonymous = Api.anonymous(port);

        var missing = anonymous.post(path, Map.of("screenName", "Alex", "consent", true));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body().path("detail").asString()).contains("name").contains("email");

        var noConsent = anonymous.post(path, Map.of("screenName", "Alex", "name", "Alex Doe", "email", "alex@example.com"));
        assertThat(noConsent.body().path("detail").asString()).contains("agree");

        var badEmail = anonymous.post(path, Map.of("screenName", "Alex", "name", "Alex Doe", "email", "not-an-email", "consent", true));
        assertThat(badEmail.body().path("errors").get(0).path("field").asString()).isEqualTo("email");

        var ok = anonymous.post(path, Map.of("screenName", "Alex", "name", "Alex Doe", "email", "alex@example.com", "consent", true));
        assertThat(ok.status()).isEqualTo(201);
        assertThat(ok.body().path("token").asString()).hasSizeGreaterThan(40);
    }

    @Test
    void shouldExplainInvalidDialogRequestsAndRatings() {
        Shop shop = shop("anna");
        Api anna = shop.online("anna");
        Api alex = shop.shopper("Alex");

        var overlong = alex.post("/api/v1/widget/me/dialogs", Map.of("message", "x".repeat(2001)));
        assertThat(overlong.status()).isEqualTo(400);

        String id = alex.post("/api/v1/widget/me/dialogs", Map.of()).body().path("id").asString();
        var early = alex.post("/api/v1/widget/me/dialogs/" + id + "/rating", Map.of("score", 4));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.body().path("detail").asString()).contains("ended");

        assertThat(alex.post("/api/v1/widget/me/dialogs/not-a-uuid/end", null).status()).isEqualTo(400);
        anna.post("/api/v1/dialogs/" + id + "/accept", null);
        alex.post("/api/v1/widget/me/dialogs/" + id + "/end", null);
        assertThat(alex.post("/api/v1/widget/me/dialogs/" + id + "/end", null).status()).isEqualTo(409);

        var outOfRange = alex.post("/api/v1/widget/me/dialogs/" + id + "/rating", Map.of("score", 6));
        assertThat(outOfRange.status()).isEqualTo(400);
        assertThat(outOfRange.body().path("errors").get(0).path("field").asString()).isEqualTo("score");
        assertThat(alex.post("/api/v1/widget/me/dialogs/" + id + "/rating", Map.of()).status()).isEqualTo(400);
        assertThat(alex.post("/api/v1/widget/me/dialogs/" + id + "/rating", Map.of("score", 4)).status()).isEqualTo(200);
        assertThat(alex.post("/api/v1/widget/me/dialogs/" + id + "/rating", Map.of("score", 1)).body().path("code").asString())
                .isEqualTo("already_rated");
    }

    @Test
    void shouldProtectStaffEndpoints() {
        Shop shop = shop("anna");
        Api anonymous = Api.anonymous(port);
        var unauthenticated = anonymous.get("/api/v1/dialogs");
        assertThat(unauthenticated.status()).isEqualTo(401);
        assertThat(unauthenticated.body().path("detail").asString()).contains("Log in");

        Api anna = shop.staff("anna");
        assertThat(anna.put("/api/v1/me/presence", Map.of("status", "SLEEPING")).status()).isEqualTo(400);
        assertThat(anna.put("/api/v1/me/presence", Map.of()).status()).isEqualTo(400);
        assertThat(anna.get("/api/v1/dialogs?status=BOGUS").status()).isEqualTo(400);
        assertThat(anna.get("/api/v1/dialogs?limit=100000").status()).isEqualTo(400);

        Api admin = shop.staff("admin");
        var badSettings = admin.put("/api/v1/merchant/settings", Map.of("buttonColor", "red", "buttonPosition", "top",
                "buttonLabel", "", "collectPersonalData", false, "personalDataFields", List.of("shoe size"),
                "routingFallbackSeconds", 0, "expertCapacity", 99));
        assertThat(badSettings.status()).isEqualTo(400);
        assertThat(badSettings.body().path("errors").size()).isGreaterThanOrEqualTo(6);

        var badMember = admin.post("/api/v1/team", Map.of("email", "nope", "displayName", "", "password", "short", "role", "KING"));
        assertThat(badMember.status()).isEqualTo(400);
        var duplicate = admin.post("/api/v1/team", Map.of("email", "anna@" + shop.slug() + ".test", "displayName", "Anna 2",
                "password", "long-enough-password", "role", "EXPERT"));
        assertThat(duplicate.status()).isEqualTo(409);
        var added = admin.post("/api/v1/team", Map.of("email", "cleo@" + shop.slug() + ".test", "displayName", "Cleo",
                "password", "long-enough-password", "role", "EXPERT", "handle", "cleo"));
        assertThat(added.status()).isEqualTo(201);
        assertThat(Api.staff(port, "cleo@" + shop.slug() + ".test", "long-enough-password").get("/api/v1/me").status())
                .isEqualTo(200);
    }
}
