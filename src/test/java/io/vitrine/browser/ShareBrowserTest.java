package io.vitrine.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.vitrine.browser.DialogSteps.openExpertConsole;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An expert on a phone shares a demo product from the console, a shopper opens the link, the expert revokes it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:share-browser;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "vitrine.demo=true"
})
class ShareBrowserTest extends ChromiumTest {

    @LocalServerPort
    int port;

    @Test
    void expertSharesAProductShowsItsQrCodeAndRevokesItAfterAVisit() {
        Page expert = page(context(new Browser.NewContextOptions().setViewportSize(390, 844)), "expert");
        openExpertConsole(expert, base());

        expert.getByTestId("shares-open").click();
        assertThat(expert.getByTestId("shares-panel")).isVisible();
        assertThat(expert.getByTestId("shares-status")).hasText("You have not shared a product yet.");
        expert.getByTestId("shares-search").fill("candle");
        expert.getByTestId("shares-search").press("Enter");
        Locator results = expert.getByTestId("shares-results").locator("li");
        assertThat(results).hasCount(2);
        results.first().getByTestId("shares-create").click();

        Locator rows = expert.getByTestId("shares-row");
        assertThat(rows).hasCount(1);
        assertThat(rows.first()).containsText("0 visits");
        Locator qr = expert.getByTestId("shares-qr").locator("img");
        assertThat(qr).isVisible();
        expert.waitForCondition(() -> (Boolean) qr.evaluate("img => img.complete && img.naturalWidth > 0"));

        String link = (String) expert.evaluate("() => fetch('/api/v1/shares').then(r => r.json()).then(s => s[0].link)");
        Page shopper = page(context(new Browser.NewContextOptions()), "shopper");
        shopper.navigate(link);
        assertThat(shopper.url()).contains("/demo?utm_source=vitrine&utm_medium=share").contains("vitrine_share=");

        expert.getByTestId("shares-close").click();
        expert.getByTestId("shares-open").click();
        assertThat(rows.first()).containsText("1 visit");
        rows.first().getByTestId("shares-revoke").click();
        assertThat(rows.first()).hasAttribute("data-revoked", "true");
        assertThat(rows.first()).containsText("Revoked");

        shopper.navigate(link);
        assertThat(shopper.url()).doesNotContain("vitrine_share");
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
