package io.vitrine;

import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.support.Api;
import io.vitrine.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/** What an operator and an integrator see first. */
class PlatformIntegrationTest extends IntegrationTest {

    @Test
    void shouldReportHealthAndDescribeTheApi() {
        Api anonymous = Api.anonymous(port);
        assertThat(anonymous.get("/actuator/health").body().path("status").asString()).isEqualTo("UP");
        var docs = anonymous.get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body().path("info").path("title").asString()).isEqualTo("Vitrine API");
        assertThat(docs.body().path("paths").has("/api/v1/widget/me/dialogs")).isTrue();
        assertThat(docs.body().path("paths").has("/api/v1/dialogs/{id}/accept")).isTrue();
        assertThat(anonymous.get("/swagger-ui/index.html").status()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/prometheus").status()).isIn(401, 302);
    }

    @Test
    void shouldServeTheEmbedScriptAndTheWidgetToAnySite() {
        Shop shop = shop("anna");
        Api anonymous = Api.anonymous(port);
        var script = anonymous.get("/embed.js");
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.raw()).contains("data-merchant");
        var widget = anonymous.get("/widget/" + shop.slug());
        assertThat(widget.status()).isEqualTo(200);
        assertThat(widget.raw()).contains(shop.slug());
        assertThat(anonymous.get("/widget/no-such-shop").status()).isEqualTo(404);
    }

    @Test
    void shouldNotServeTheDemoShopWhenDemoModeIsOff() {
        assertThat(Api.anonymous(port).get("/demo").status()).isEqualTo(404);
    }
}
