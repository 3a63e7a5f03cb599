package io.vitrine.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.vitrine.browser.DialogSteps.ADMIN_EMAIL;
import static io.vitrine.browser.DialogSteps.ADMIN_PASSWORD;
import static io.vitrine.browser.DialogSteps.clickAccept;
import static io.vitrine.browser.DialogSteps.expertOnline;
import static io.vitrine.browser.DialogSteps.goOnline;
import static io.vitrine.browser.DialogSteps.openConsole;
import static io.vitrine.browser.DialogSteps.openWidget;
import static io.vitrine.browser.DialogSteps.requestDialog;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Clock;
import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What shoppers and staff see around a dialog's start and end: no rating for a cancelled request, who the customer
 * is, one offer time in the console and the dashboard, a readable routing log, and the dashboard closed to experts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:lifecycle-browser;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "vitrine.demo=true",
        // A short grace period, with heartbeats well inside it, so an absent expert is noticed within seconds.
        "vitrine.presence.grace=4s",
        "vitrine.presence.heartbeat-interval=500ms",
        "vitrine.presence.sweep-interval=500ms"
})
class DialogLifecycleBrowserTest extends ChromiumTest {

    @LocalServerPort
    int port;

    private final List<BrowserContext> contexts = new ArrayList<>();

    @AfterEach
    void closeContexts() {
        contexts.forEach(BrowserContext::close);
        contexts.clear();
    }

    @Test
    void shopperAndStaffSeeTheRightThingsAroundADialogsStartAndEnd() {
        String base = "http://localhost:" + port;
        // Anna's computer clock is five minutes slow: her countdown must still show the server's offer time.
        Page console = newPage();
        console.clock().install(new Clock.InstallOptions().setTime(System.currentTimeMillis() - 5 * 60_000));
        expertOnline(console, base);

        Page shop = newPage();
        shop.navigate(base + "/demo");
        FrameLocator widget = openWidget(shop);
        requestDialog(widget::getByTestId, "Alex");

        // The console counts down the offer the server made: 30 s, the same time the dashboard states below.
        Locator countdown = console.getByTestId("offer-countdown");
        assertThat(countdown).hasText(Pattern.compile("offer ends in 0:(2\\d|30)"));

        // Cancelled before anyone answered: nothing to rate.
        widget.getByTestId("end-dialog").click();
        widget.getByTestId("confirm-end").click();
        assertThat(widget.getByTestId("chat-log")).containsText("ended");
        assertThat(widget.getByTestId("rating-star-5")).not().isVisible();

        // A new request, accepted: the console says who the customer is and which page they came from.
        widget.getByTestId("my-conversations").click();
        widget.getByTestId("new-conversation").click();
        widget.getByTestId("start-dialog").click();
        console.getByTestId("queue-item").getByTestId("accept-button").click();
        Locator customer = console.getByTestId("customer-details");
        assertThat(customer).containsText("Alex Doe");
        assertThat(customer.getByTestId("customer-page")).hasText(base + "/demo");
        assertThat(customer).not().containsText("alex@example.com");

        Page dashboard = openConsole(newPage(), base, ADMIN_EMAIL, ADMIN_PASSWORD);
        dashboard.navigate(base + "/admin");
        assertThat(dashboard.getByTestId("settings-offer-time")).containsText("30 seconds");
        Locator rows = dashboard.getByTestId("dialog-row").filter(new Locator.FilterOptions().setHasText("Alex"));
        assertThat(rows).hasCount(2); // newest first: the accepted request, then the cancelled one
        rows.last().getByTestId("dialog-open").click();
        Locator routingLog = dashboard.getByTestId("drawer-routing-log");
        assertThat(routingLog).containsText("Offered to Anna Expert");
        assertThat(routingLog).containsText("Ended by Alex");
        assertThat(routingLog.innerText()).doesNotContain("log.").doesNotContainPattern("\\b[A-Z]{4,}\\b");

        // The admin decides what happens to an absent expert's conversations.
        Locator abandoned = dashboard.getByTestId("settings-abandoned-by-expert");
        assertThat(abandoned).hasValue("REQUEUE");
        abandoned.selectOption("END");
        dashboard.getByTestId("settings-save").click();
        assertThat(dashboard.getByTestId("settings-status")).containsText("Settings saved.");
        dashboard.reload();
        assertThat(dashboard.getByTestId("settings-abandoned-by-expert")).hasValue("END");
        abandoned = dashboard.getByTestId("settings-abandoned-by-expert");
        abandoned.selectOption("REQUEUE");
        dashboard.getByTestId("settings-save").click();
        assertThat(dashboard.getByTestId("settings-status")).containsText("Settings saved.");

        console.navigate(base + "/admin");
        assertThat(console.getByTestId("admin-only")).containsText("Only admins can open the dashboard.");
        console.getByTestId("to-console").click();
        console.waitForURL("**/console");
    }

    @Test
    void aShopperWhoseExpertVanishedIsServedByAnotherExpert() {
        String base = "http://localhost:" + port;
        Page anna = expertOnline(newPage(), base);

        Page shop = newPage();
        shop.navigate(base + "/demo");
        FrameLocator widget = openWidget(shop);
        requestDialog(widget::getByTestId, "Sam", "Sam Doe", "sam@example.com", true);
        clickAccept(anna, "Sam");
        assertThat(widget.getByTestId("expert-name")).containsText("Anna Expert");

        Page ben = openConsole(newPage(), base, "ben@demo.test", "demo-expert");
        goOnline(ben);
        anna.context().close();

        // Anna turns Offline when her dialog goes back to the queue, so Ben gets it without waiting out an offer to her
        // (30 s): the grace period (4 s) and a few ticks, with room for a busy machine.
        ben.getByTestId("queue-item").filter(new Locator.FilterOptions().setHasText("Sam")).getByTestId("accept-button")
                .click(new Locator.ClickOptions().setTimeout(25_000));
        assertThat(widget.getByTestId("expert-name")).containsText("Ben Expert");
        ben.getByTestId("chat-input").fill("Hello Sam, Ben here: Anna lost her connection.");
        ben.getByTestId("chat-send").click();
        assertThat(widget.getByTestId("chat-message").filter(new Locator.FilterOptions().setHasText("Ben here")))
                .isVisible();
        widget.getByTestId("chat-input").fill("Thanks Ben");
        widget.getByTestId("chat-send").click();
        assertThat(ben.getByTestId("chat-message").filter(new Locator.FilterOptions().setHasText("Thanks Ben")))
                .isVisible();
    }

    private Page newPage() {
        BrowserContext context = browser.newContext();
        contexts.add(context);
        return context.newPage();
    }
}
