package io.vitrine.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.vitrine.browser.DialogSteps.clickAccept;
import static io.vitrine.browser.DialogSteps.openExpertConsole;
import static io.vitrine.browser.DialogSteps.requestDialog;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The console tells an expert what needs them while they look at another dialog or another window, and long
 * customer names do not break its lists.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:consolealerts;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "vitrine.demo=true"
})
class ConsoleAlertsBrowserTest extends ChromiumTest {

    private static final String LONG_NAME = "Maximiliane-Alexandra-Konstantinopoulou";

    /** Records the notifications the console shows, passing them on to the browser's own Notification. */
    private static final String RECORD_NOTIFICATIONS = """
            window.shownNotifications = [];
            const Real = window.Notification;
            window.Notification = class extends Real {
              constructor(title, options) {
                super(title, options);
                window.shownNotifications.push({ title, body: options?.body ?? '' });
              }
            };""";

    @LocalServerPort
    int port;

    private final List<BrowserContext> contexts = new ArrayList<>();

    @AfterEach
    void close() {
        int i = 0;
        for (BrowserContext context : contexts) {
            for (Page page : context.pages()) {
                page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/console-alerts-" + i++ + ".png")));
            }
            context.close();
        }
    }

    @Test
    void expertSeesUnreadCountsPerDialogAndGetsNotifiedWhileLookingElsewhere() {
        BrowserContext expertContext = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(1366, 800));
        contexts.add(expertContext);
        expertContext.grantPermissions(List.of("notifications"));
        expertContext.addInitScript(RECORD_NOTIFICATIONS);
        Page console = expertContext.newPage();
        openExpertConsole(console, base());
        console.getByTestId("presence-ONLINE").click();
        console.getByTestId("notifications-toggle").click();
        assertThat(console.getByTestId("notifications-toggle")).hasAttribute("aria-pressed", "true");

        Page ada = startDialog("Ada");
        Page maxi = startDialog(LONG_NAME);
        Locator longCard = console.getByTestId("queue-item").filter(hasText(LONG_NAME));
        assertThat(longCard).isVisible();
        assertNoHorizontalOverflow(longCard);
        assertThat(longCard.getByTestId("waiting-time")).isVisible();
        snap(console, "queue-long-name");

        longCard.getByTestId("accept-button").click();
        assertThat(maxi.getByTestId("expert-name")).containsText("Anna Expert");
        clickAccept(console, "Ada");
        assertThat(ada.getByTestId("expert-name")).containsText("Anna Expert");

        // Anna looks at Ada's dialog; the other customer writes twice.
        console.getByTestId("active-item").filter(hasText("Ada")).click();
        for (String text : List.of("Are you there?", "I have a question about the lamp.")) {
            maxi.getByTestId("chat-input").fill(text);
            maxi.getByTestId("chat-send").click();
        }
        Locator longItem = console.getByTestId("active-item").filter(hasText(LONG_NAME));
        assertThat(longItem.getByTestId("unread-count")).hasText("2");
        assertThat(longItem.getByTestId("unread-count")).hasAttribute("aria-label", "2 unread messages");
        assertThat(console).hasTitle(Pattern.compile("^\\(2\\) Console"));
        assertNoHorizontalOverflow(longItem);

        // Anna switches to another window: the next message comes as a desktop notification.
        // (Playwright lets every page think it has the focus; switched off, the page in front has it.)
        com.google.gson.JsonObject off = new com.google.gson.JsonObject();
        off.addProperty("enabled", false);
        expertContext.newCDPSession(console).send("Emulation.setFocusEmulationEnabled", off);
        Page elsewhere = expertContext.newPage();
        elsewhere.bringToFront();
        console.waitForFunction("() => !document.hasFocus() || document.visibilityState !== 'visible'");
        maxi.getByTestId("chat-input").fill("Hello?");
        maxi.getByTestId("chat-send").click();
        console.waitForFunction("() => window.shownNotifications.some((n) => n.body === 'Hello?')");
        Object title = console.evaluate("() => window.shownNotifications.find((n) => n.body === 'Hello?').title");
        assertThat(title).isEqualTo("New message from " + LONG_NAME);

        console.bringToFront();
        longItem.click();
        assertThat(longItem.getByTestId("unread-count")).hasCount(0);
        assertThat(console).hasTitle(Pattern.compile("^Console"));
        console.getByTestId("end-dialog").click();
        console.getByTestId("confirm-end").click();
        Locator history = console.getByTestId("history-item").filter(hasText(LONG_NAME));
        assertThat(history.locator("time")).isVisible();
        assertNoHorizontalOverflow(history);
        snap(console, "history-long-name");
    }

    private Page startDialog(String name) {
        BrowserContext context = browser.newContext();
        contexts.add(context);
        Page page = context.newPage();
        page.navigate(base() + "/widget/demo");
        requestDialog(page::getByTestId, name, "Customer " + name.substring(0, 3), name.substring(0, 3).toLowerCase() + "@example.com", true);
        assertThat(page.getByTestId("queue-position")).isVisible();
        return page;
    }

    /** Nothing in the element runs past its right edge, and the element stays inside the sidebar. */
    private static void assertNoHorizontalOverflow(Locator element) {
        // The lists are redrawn when the server confirms a change: measure the card that is in the page now.
        element.page().waitForFunction("""
                () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(true))))""");
        Object overflow = element.evaluate("""
                (el) => {
                  const box = el.getBoundingClientRect();
                  const side = (el.closest('.sidebar') ?? document.querySelector('.sidebar')).getBoundingClientRect();
                  const out = [...el.querySelectorAll('*')].filter((c) => c.getBoundingClientRect().right > box.right + 1);
                  return (box.right > side.right + 1 ? 'the card leaves the sidebar; ' : '') + out.map((c) => c.className || c.tagName).join(', ');
                }""");
        assertThat(String.valueOf(overflow)).as("parts running out of the card").isEmpty();
    }

    private static void snap(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/console-" + name + ".png")));
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private static Locator.FilterOptions hasText(String text) {
        return new Locator.FilterOptions().setHasText(text);
    }
}
