package io.vitrine.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Pages load every script and stylesheet by a URL that changes with its content, imports included. */
class HashedAssetsIntegrationTest extends IntegrationTest {

    private static final Pattern HASHED_SHARED_UI = Pattern.compile("\"/shared/ui\\.js\":\"(/shared/ui-[0-9a-f]{32}\\.js)\"");

    @Test
    void shouldLinkContentHashedModulesAndMapEveryImportToItsHashedUrl() {
        Shop shop = shop("anna");
        String page = fetch("/widget/" + shop.slug()).body();

        assertThat(page).containsPattern("src=\"/widget/widget-[0-9a-f]{32}\\.js\"");
        assertThat(page).containsPattern("href=\"/widget/widget-[0-9a-f]{32}\\.css\"");
        assertThat(page).contains("<script type=\"importmap\"");
        Matcher ui = HASHED_SHARED_UI.matcher(page);
        assertThat(ui.find()).as("the import map names /shared/ui.js").isTrue();
        assertThat(page).containsPattern("\"/shared/i18n\\.js\":\"/shared/i18n-[0-9a-f]{32}\\.js\"");

        var hashed = fetch(ui.group(1));
        assertThat(hashed.statusCode()).isEqualTo(200);
        assertThat(hashed.body()).contains("export function h(");
    }

    private HttpResponse<String> fetch(String path) {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
