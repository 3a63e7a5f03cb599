package io.vitrine.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The demo walkthrough in real Chromium: a shopper on the demo shop and an expert in the console, each in their
 * own browser context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:browser;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "vitrine.demo=true"
})
class LiveDialogBrowserTest extends ChromiumTest {


    @LocalServerPort
    int port;

    private BrowserContext shopperContext;
    private BrowserContext expertContext;

    @AfterEach
    void screenshotsOnTheWayOut(TestInfo test) {
        for (var context : new BrowserContext[] {shopperContext, expertContext}) {
            if (context != null) {
                int i = 0;
                for (Page page : context.pages()) {
                    page.screenshot(new Page.ScreenshotOptions().setPath(
                            Path.of("target/screenshots/" + test.getDisplayName().replaceAll("\\W", "") + "-" + (context == shopperContext ? "shopper" : "expert") + i++ + ".png")));
                }
                context.close();
            }
        }
    }

    @Test
    void shopperAndExpertTalkFromTheButtonToTheRatingInBothHistories() {
        String base = "http://localhost:" + port;

        expertContext = browser.newContext();
        Page console = expertContext.newPage();
        console.navigate(base + "/login");
        console.getByTestId("login-email").fill("anna@demo.test");
        console.getByTestId("login-password").fill("demo-expert");
        console.getByTestId("login-submit").click();
        console.waitForURL("**/console");
        console.waitForSelector("body[data-ready]");
        console.getByTestId("presence-ONLINE").click();
        assertThat(console.getByTestId("presence-ONLINE")).hasAttribute("aria-pressed", "true");

        shopperContext = browser.newContext();
        Page shop = shopperContext.newPage();
        shop.navigate(base + "/demo");
        shop.getByTestId("vitrine-button").click();
        FrameLocator widget = shop.frameLocator("iframe[data-testid=vitrine-frame]");
        widget.getByTestId("screen-name").fill("Alex");
        widget.getByTestId("pd-name").fill("Alex Doe");
        widget.getByTestId("pd-email").fill("alex@example.com");
        widget.getByTestId("consent").check();
        widget.getByTestId("start-dialog").click();

        Locator queueEntry = console.getByTestId("queue-item").filter(new Locator.FilterOptions().setHasText("Alex"));
        assertThat(queueEntry).isVisible();
        queueEntry.getByTestId("accept-button").click();
        assertThat(widget.getByTestId("expert-name")).containsText("Anna Expert");

        widget.getByTestId("chat-input").fill("Hello! Do you have this in blue? <b>not bold</b>");
        widget.getByTestId("chat-send").click();
        assertThat(console.getByTestId("chat-message").filter(hasText("Do you have this in blue?")))
                .containsText("<b>not bold</b>");
        console.getByTestId("chat-input").fill("Yes, here it is in blue.");
        console.getByTestId("chat-send").click();
        assertThat(widget.getByTestId("chat-message").filter(hasText("Yes, here it is in blue."))).isVisible();

        widget.getByTestId("close-widget").click();
        assertThat(shop.locator("iframe[data-testid=vitrine-frame]")).isHidden();
        shop.getByTestId("vitrine-button").click();
        assertThat(widget.getByTestId("chat-message").filter(hasText("Yes, here it is in blue."))).isVisible();

        shop.reload();
        shop.getByTestId("vitrine-button").click();
        FrameLocator reopened = shop.frameLocator("iframe[data-testid=vitrine-frame]");
        assertThat(reopened.getByTestId("chat-message").filter(hasText("Yes, here it is in blue."))).isVisible();
        assertThat(reopened.getByTestId("expert-name")).containsText("Anna Expert");

        reopened.getByTestId("end-dialog").click();
        reopened.getByTestId("confirm-end").click();
        reopened.getByTestId("rating-star-4").click();
        reopened.getByTestId("rating-comment").fill("Very helpful");
        reopened.getByTestId("rating-submit").click();
        assertThat(reopened.getByTestId("rating-thanks")).isVisible();

        reopened.getByTestId("my-conversations").click();
        assertThat(reopened.getByTestId("dialog-item").filter(hasText("Anna Expert"))).isVisible();
        Locator history = console.getByTestId("history-item").filter(hasText("Alex"));
        assertThat(history).isVisible();
        assertThat(history.getByTestId("rating-stars")).hasAttribute("aria-label", java.util.regex.Pattern.compile("4"));
        history.click();
        assertThat(console.getByTestId("dialog-rating-comment")).containsText("Very helpful");
        assertThat(console.getByTestId("routing-entry").first()).isVisible();
    }

    private static Locator.FilterOptions hasText(String text) {
        return new Locator.FilterOptions().setHasText(text);
    }

}
