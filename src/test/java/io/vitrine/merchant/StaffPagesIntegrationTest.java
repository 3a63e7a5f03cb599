package io.vitrine.merchant;

import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.support.Api;
import io.vitrine.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/** The staff pages: who may open the dashboard, what it says about offers, and the icon every page shows. */
class StaffPagesIntegrationTest extends IntegrationTest {

    @Test
    void shouldTellAnExpertWhoOpensTheDashboardThatOnlyAdminsMayAndLinkToTheConsole() {
        Shop shop = shop("anna");

        Api.Response page = shop.staff("anna").get("/admin");

        assertThat(page.status()).isEqualTo(403);
        assertThat(page.raw()).contains("Only admins can open the dashboard.").contains("href=\"/console\"");
    }

    @Test
    void shouldShowTheAdminTheOfferTimeTheServerUsesNextToTheFallbackTime() {
        Shop shop = shop("anna");

        Api.Response page = shop.staff("admin").get("/admin");

        assertThat(page.status()).isEqualTo(200);
        // vitrine.routing.offer-timeout is 2 s in tests: the dashboard states the same time the console counts down.
        assertThat(page.raw()).contains("data-offer-seconds=\"2\"").contains("settings-abandoned-by-expert")
                .doesNotContain("Offer time before the next expert");
    }

    @Test
    void shouldServeAFaviconAndLinkItFromEveryPage() {
        Shop shop = shop("anna");
        Api anonymous = Api.anonymous(port);

        assertThat(anonymous.get("/favicon.ico").status()).isEqualTo(200);
        assertThat(anonymous.get("/favicon.svg").raw()).startsWith("<svg");
        for (String path : new String[] {"/", "/login", "/widget/" + shop.slug()}) {
            assertThat(anonymous.get(path).raw()).as(path).contains("rel=\"icon\"");
        }
        assertThat(shop.staff("anna").get("/console").raw()).contains("rel=\"icon\"");
    }
}
