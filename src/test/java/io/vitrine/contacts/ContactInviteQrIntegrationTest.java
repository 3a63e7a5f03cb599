package io.vitrine.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.shared.QrCodesUnitTest;
import io.vitrine.support.Api;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The in-store invite link as a QR code on the expert's phone: it scans to the join page, and only its expert gets it. */
class ContactInviteQrIntegrationTest extends ContactsIntegrationTest {

    @Test
    void shouldDrawTheInviteLinkAsAQrCodeThatScansToTheJoinPage() throws Exception {
        Shop shop = shop("anna");
        Api anna = shop.online("anna");
        var link = anna.post("/api/v1/contacts/invites", null);
        assertThat(link.status()).isEqualTo(201);
        String url = link.body().path("url").asString();
        String qr = link.body().path("qr").asString();
        assertThat(qr).startsWith("/api/v1/contacts/invites/").endsWith("/qr.svg");

        HttpResponse<String> svg = image(anna, qr);
        assertThat(svg.statusCode()).isEqualTo(200);
        assertThat(svg.headers().firstValue("Content-Type").orElseThrow()).startsWith("image/svg+xml");
        assertThat(svg.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        assertThat(QrCodesUnitTest.decodeSvg(svg.body())).isEqualTo(url).contains("/contacts/join/");

        // The shopper scans and joins: the link works once, so its QR code is no longer offered.
        String token = url.substring(url.lastIndexOf('/') + 1);
        var joined = Api.anonymous(port).post("/api/v1/widget/contact-invites/" + token,
                Map.of("screenName", "Sam", "channel", "EMAIL", "address", "sam@example.com", "consent", true));
        assertThat(joined.status()).as(joined.raw()).isEqualTo(201);
        HttpResponse<String> used = image(anna, qr);
        assertThat(used.statusCode()).isEqualTo(409);
        assertThat(used.body()).contains("invite_used");
    }

    @Test
    void shouldGiveTheQrCodeOnlyToTheExpertWhoCreatedTheInvite() throws Exception {
        Shop shop = shop("anna", "bob");
        Api anna = shop.staff("anna");
        String qr = anna.post("/api/v1/contacts/invites", null).body().path("qr").asString();

        HttpResponse<String> teammate = image(shop.staff("bob"), qr);
        assertThat(teammate.statusCode()).isEqualTo(404);
        assertThat(teammate.body()).doesNotContain("<svg");
        assertThat(image(shop.staff("admin"), qr).statusCode()).as("not even the shop's admin").isEqualTo(404);
        assertThat(image(shop("zoe").staff("zoe"), qr).statusCode()).as("another merchant").isEqualTo(404);
        assertThat(image(Api.anonymous(port), qr).statusCode()).isEqualTo(401);
        HttpResponse<String> unknown = image(anna, "/api/v1/contacts/invites/not-a-token/qr.svg");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(anna.get("/v3/api-docs").body().path("paths").path("/api/v1/contacts/invites/{token}/qr.svg")
                .path("get").path("responses").path("200").path("content").has("image/svg+xml")).isTrue();
    }

    /** Fetches the QR code as the console's {@code <img>} does: with the session cookie and an image Accept header. */
    private HttpResponse<String> image(Api caller, String path) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "image/avif,image/webp,image/svg+xml,image/*,*/*;q=0.8");
        if (!caller.cookieHeader().isEmpty()) {
            request.header("Cookie", caller.cookieHeader());
        }
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
