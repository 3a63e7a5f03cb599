package io.vitrine.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.support.Api;
import io.vitrine.support.IntegrationTest;
import io.vitrine.support.LiveStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** A client that is not a configured proxy cannot choose the host of the links Vitrine hands out. */
class ForwardedHeadersIntegrationTest extends IntegrationTest {

    @Test
    void shouldIgnoreForwardedHeadersFromClientsThatAreNotTrustedProxies() throws Exception {
        Shop shop = shop("anna");
        LiveStream live = LiveStream.start(shop, shop.online("anna"), "Hana Host");

        String link = inviteThroughForgedHeaders(port, live);

        assertThat(link).startsWith("http://localhost:" + port + "/join/").doesNotContain("evil.example");
    }

    @Test
    void shouldRedirectWithoutNamingAHostFromTheRequest() throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/console"))
                .header("Accept", "text/html").header("X-Forwarded-Host", "evil.example").build();
        HttpResponse<Void> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding());

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).contains("/login");
        assertThat(response.headers().firstValue("Location").orElse("")).doesNotContain("evil.example");
    }

    /** Asks for the Host's invite link with forwarded headers naming another host. */
    static String inviteThroughForgedHeaders(int port, LiveStream live) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + live.path() + "/invite"))
                .header("Authorization", "Bearer " + live.host.token())
                .header("X-Forwarded-Host", "evil.example")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Port", "443")
                .header("X-Forwarded-For", "203.0.113.9")
                .header("Forwarded", "host=evil.example;proto=https")
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return Api.JSON.readTree(response.body()).path("url").asString();
    }
}
