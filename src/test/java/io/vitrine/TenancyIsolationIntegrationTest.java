package io.vitrine;

import static io.vitrine.support.Socket.type;
import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.support.Api;
import io.vitrine.support.IntegrationTest;
import io.vitrine.support.Socket;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A member or shopper of one merchant can never read or change another merchant's data. */
class TenancyIsolationIntegrationTest extends IntegrationTest {

    private Shop north;
    private Shop south;
    private Api northExpert;
    private Api southExpert;
    private Api northShopper;
    private String northDialog;

    @BeforeEach
    void twoMerchantsWithADialogInTheNorth() {
        north = shop("anna");
        south = shop("sam");
        northExpert = north.online("anna");
        southExpert = south.online("sam");
        northShopper = north.shopper("Nora");
        northDialog = northShopper.post("/api/v1/widget/me/dialogs", Map.of("message", "private question")).body().path("id").asString();
    }

    @Test
    void shouldHideOtherMerchantsDialogsFromStaffOverTheApi() {
        for (String path : new String[] {"/api/v1/dialogs/" + northDialog, "/api/v1/dialogs/" + northDialog + "/log"}) {
            var response = southExpert.get(path);
            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(response.raw()).doesNotContain("private question");
        }
        assertThat(southExpert.post("/api/v1/dialogs/" + northDialog + "/accept", null).status()).isEqualTo(404);
        assertThat(southExpert.post("/api/v1/dialogs/" + northDialog + "/end", null).status()).isEqualTo(404);
        assertThat(southExpert.get("/api/v1/dialogs").body()).isEmpty();
        assertThat(south.staff("admin").get("/api/v1/dialogs").body()).isEmpty();
        assertThat(northExpert.get("/api/v1/dialogs").body()).hasSize(1);
        assertThat(northExpert.get("/api/v1/dialogs/" + northDialog).status()).isEqualTo(200);
    }

    @Test
    void shouldHideOtherMerchantsDialogsOverTheWebSocket() {
        try (Socket socket = Socket.connect(southExpert)) {
            JsonNode queue = socket.awaitType("staffQueue");
            assertThat(queue.path("waiting")).isEmpty();
            socket.send(Map.of("type", "subscribe", "dialogId", northDialog, "afterSeq", 0));
            assertThat(socket.awaitType("error").path("code").asString()).isEqualTo("not_found");
            socket.send(Map.of("type", "say", "dialogId", northDialog, "text", "hello from the south"));
            assertThat(socket.awaitType("error").path("code").asString()).isEqualTo("not_found");
            assertThat(socket.received(f -> f.toString().contains("private question"))).isEmpty();
        }
        assertThat(northExpert.get("/api/v1/dialogs/" + northDialog).raw()).doesNotContain("hello from the south");
    }

    @Test
    void shouldHideADialogFromShoppersWhoTakeNoPartInIt() {
        Api stranger = north.shopper("Stranger");
        Api southShopper = south.shopper("Sid");
        for (Api other : new Api[] {stranger, southShopper}) {
            assertThat(other.get("/api/v1/widget/me/dialogs/" + northDialog).status()).isEqualTo(404);
            assertThat(other.post("/api/v1/widget/me/dialogs/" + northDialog + "/end", null).status()).isEqualTo(404);
            assertThat(other.get("/api/v1/widget/me/dialogs").body()).isEmpty();
            try (Socket socket = Socket.connect(other)) {
                socket.send(Map.of("type", "hello", "token", other.token()));
                socket.awaitType("welcome");
                socket.send(Map.of("type", "subscribe", "dialogId", northDialog, "afterSeq", 0));
                assertThat(socket.awaitType("error").path("code").asString()).isEqualTo("not_found");
            }
        }
    }

    @Test
    void shouldNeverShowShoppersContactDetailsToExperts() {
        var settings = new io.vitrine.merchant.MerchantSettings("#1f6feb", "bottom-right", "Live", true,
                java.util.List.of("name", "email", "phone"), "https://shop.example/privacy", 60, 3, true);
        Shop shop = shop(settings, "anna");
        Api anna = shop.online("anna");
        var created = Api.anonymous(port).post("/api/v1/widget/" + shop.slug() + "/shoppers", Map.of("screenName", "Pat",
                "name", "Pat Doe", "email", "pat@private.example", "phone", "+49 30 1234567", "consent", true));
        assertThat(created.status()).isEqualTo(201);
        Api pat = Api.withToken(port, created.body().path("token").asString());
        assertThat(pat.get("/api/v1/widget/me").body().path("email").asString()).isEqualTo("pat@private.example");

        String id = pat.post("/api/v1/widget/me/dialogs", Map.of()).body().path("id").asString();
        try (Socket socket = Socket.connect(anna)) {
            String queue = socket.awaitType("staffQueue").toString();
            assertThat(queue).contains("Pat").doesNotContain("pat@private.example").doesNotContain("1234567");
        }
        for (String body : new String[] {anna.get("/api/v1/dialogs/" + id).raw(), anna.get("/api/v1/dialogs").raw()}) {
            assertThat(body).contains("Pat").doesNotContain("pat@private.example").doesNotContain("1234567");
        }
        // The name the shopper gave tells the expert who they talk to; it is shown in the dialog only, never in lists.
        assertThat(anna.get("/api/v1/dialogs/" + id).body().path("customer").path("name").asString()).isEqualTo("Pat Doe");
        assertThat(anna.get("/api/v1/dialogs").raw()).doesNotContain("Pat Doe");
    }

    @Test
    void shouldOnlyLetAdminsChangeTheirOwnMerchantsSettings() {
        var settings = Map.of("buttonColor", "#112233", "buttonPosition", "bottom-left", "buttonLabel", "Ask us",
                "collectPersonalData", false, "personalDataFields", java.util.List.of(), "routingFallbackSeconds", 30,
                "expertCapacity", 2);
        var byExpert = northExpert.put("/api/v1/merchant/settings", settings);
        assertThat(byExpert.status()).isEqualTo(403);
        assertThat(byExpert.body().path("detail").asString()).contains("admin");

        var byAdmin = north.staff("admin").put("/api/v1/merchant/settings", settings);
        assertThat(byAdmin.status()).isEqualTo(200);
        assertThat(Api.anonymous(port).get("/api/v1/widget/" + north.slug() + "/config").body().path("button").path("label").asString())
                .isEqualTo("Ask us");
        assertThat(Api.anonymous(port).get("/api/v1/widget/" + south.slug() + "/config").body().path("button").path("label").asString())
                .isNotEqualTo("Ask us");
        assertThat(northExpert.get("/api/v1/team").status()).isEqualTo(403);
        assertThat(north.staff("admin").get("/api/v1/team").body().toString()).doesNotContain(south.slug());
    }
}
