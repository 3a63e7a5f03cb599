package io.vitrine.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.vitrine.support.MovableClock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * Brand rooms in real Chromium: the expert creates a room in the console; before it opens its link says when; with
 * the application's clock moved to the start two visitors join and chat with the expert. A text room shows no video.
 * A room is moved in the console and cancelled from the dashboard, after which its link says it was cancelled.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:rooms-browser;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "vitrine.demo=true",
        // The clock jumps ahead; consoles seen "long ago" by it must not count as gone.
        "vitrine.presence.grace=6h"
})
@Import(MovableClock.Configuration.class)
class RoomBrowserTest extends ChromiumTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @LocalServerPort
    int port;

    @Autowired MovableClock clock;

    @Test
    void expertCreatesARoomAndTwoVisitorsChatWithTheExpertOnceItOpens() {
        String base = "http://localhost:" + port;
        Page console = staff(base, "expert", "anna@demo.test", "demo-expert");
        console.getByTestId("presence-ONLINE").click();

        // From the application's clock: a run again after a failure finds it moved already.
        ZonedDateTime start = clock.instant().plus(Duration.ofHours(2)).atZone(BERLIN).truncatedTo(ChronoUnit.HOURS);
        String video = createRoom(console, "Collection review", start, true);
        String text = createRoom(console, "Text Q&A", start, false);

        Page ada = phone("ada", "America/New_York");
        ada.navigate(video);
        assertThat(ada.getByTestId("room-opens-at")).isVisible();
        assertThat(ada.getByTestId("room-countdown")).hasText(java.util.regex.Pattern.compile("\\d\\d:\\d\\d:\\d\\d"));
        assertThat(ada.getByTestId("room-calendar")).hasAttribute("href", java.util.regex.Pattern.compile("invitation\\.ics$"));

        clock.moveBy(Duration.between(clock.instant(), start.toInstant()).minusMinutes(4));
        ada.reload();
        join(ada, "Ada");
        Page bo = phone("bo", "Asia/Kolkata");
        bo.navigate(video);
        join(bo, "Bo");

        ada.getByTestId("chat-input").fill("Hello from Ada");
        ada.getByTestId("chat-send").click();
        assertThat(bo.getByTestId("chat-message").filter(hasText("Hello from Ada"))).isVisible();
        console.getByTestId("active-item").filter(hasText("Collection review")).click();
        assertThat(console.getByTestId("chat-message").filter(hasText("Hello from Ada"))).isVisible();
        console.getByTestId("chat-input").fill("Welcome to the collection review");
        console.getByTestId("chat-send").click();
        assertThat(ada.getByTestId("chat-message").filter(hasText("Welcome to the collection review"))).isVisible();
        assertThat(bo.getByTestId("chat-message").filter(hasText("Welcome to the collection review"))).isVisible();

        // The text room: chat only, no video anywhere in the widget.
        Page cy = phone("cy", "Europe/Berlin");
        cy.navigate(text);
        join(cy, "Cy");
        cy.getByTestId("chat-input").fill("Hi, text only");
        cy.getByTestId("chat-send").click();
        assertThat(cy.getByTestId("chat-message").filter(hasText("Hi, text only"))).isVisible();
        assertThat(cy.getByTestId("expert-video")).not().isVisible();
        assertThat(cy.getByTestId("mic-toggle")).not().isVisible();
    }

    @Test
    void expertMovesARoomAnAdminCancelsItAndItsLinkSaysSo() {
        String base = "http://localhost:" + port;
        Page console = staff(base, "mover", "anna@demo.test", "demo-expert");
        ZonedDateTime start = clock.instant().plus(Duration.ofHours(30)).atZone(BERLIN).truncatedTo(ChronoUnit.HOURS);
        String link = createRoom(console, "Moving review", start, true);

        String later = start.plusDays(1).toLocalDateTime().toString();
        console.getByTestId("rooms-open").click();
        Locator row = console.getByTestId("rooms-row").filter(hasText("Moving review"));
        row.locator("summary").filter(hasText("Move to another time")).click();
        row.getByTestId("room-move-start").fill(later);
        row.getByTestId("room-move").click();
        row.getByTestId("room-move-confirm").click();
        assertThat(console.getByTestId("rooms-row").filter(hasText("Moving review")).getByTestId("room-move-start"))
                .hasValue(later);
        console.getByTestId("rooms-close").click();

        Page dashboard = staff(base, "admin", "admin@demo.test", "demo-admin");
        dashboard.navigate(base + "/admin");
        Locator item = dashboard.getByTestId("all-rooms-item").filter(hasText("Moving review"));
        item.getByTestId("room-cancel").click();
        item.getByTestId("room-cancel-confirm").click();
        assertThat(dashboard.getByTestId("all-rooms-item").filter(hasText("Moving review")))
                .hasAttribute("data-state", "CANCELLED");

        Page visitor = phone("visitor", "Europe/Berlin");
        visitor.navigate(link);
        assertThat(visitor.getByTestId("room-cancelled")).hasText("This presentation was cancelled.");
    }

    /** A logged-in console in Berlin time, desktop-sized. */
    private Page staff(String base, String name, String email, String password) {
        Page console = patient(page(context(new Browser.NewContextOptions().setTimezoneId("Europe/Berlin")
                .setPermissions(List.of("camera", "microphone"))), name));
        console.setViewportSize(1280, 800);
        console.navigate(base + "/login");
        console.getByTestId("login-email").fill(email);
        console.getByTestId("login-password").fill(password);
        console.getByTestId("login-submit").click();
        console.waitForURL("**/console");
        console.waitForSelector("body[data-ready]");
        return console;
    }

    private String createRoom(Page console, String title, ZonedDateTime start, boolean video) {
        console.getByTestId("rooms-open").click();
        console.getByTestId("rooms-title").fill(title);
        console.getByTestId("rooms-start").fill(start.toLocalDateTime().toString());
        if (!video) {
            console.getByTestId("rooms-video").uncheck();
        }
        console.getByTestId("rooms-create").click();
        Locator row = console.getByTestId("rooms-row").filter(hasText(title));
        assertThat(row).hasAttribute("data-state", "SCHEDULED");
        String link = row.getByTestId("rooms-link").getAttribute("href");
        console.getByTestId("rooms-close").click();
        return link;
    }

    private static void join(Page visitor, String name) {
        visitor.getByTestId("screen-name").fill(name);
        visitor.getByTestId("guest-ready").click();
        assertThat(visitor.getByTestId("chat-input")).isVisible();
    }

    private static Locator.FilterOptions hasText(String text) {
        return new Locator.FilterOptions().setHasText(text);
    }

    /** A phone-sized page (390×844) in a context of its own, in the given time zone. */
    private Page phone(String name, String zone) {
        Page page = patient(page(context(new Browser.NewContextOptions().setTimezoneId(zone)
                .setPermissions(List.of("microphone")).setAcceptDownloads(true)), name));
        page.setViewportSize(390, 844);
        return page;
    }

    /** Several browsers on a shared two-core machine: loading a page can take longer than Playwright's 30 s. */
    private static Page patient(Page page) {
        page.setDefaultTimeout(60_000);
        page.setDefaultNavigationTimeout(90_000);
        return page;
    }
}
