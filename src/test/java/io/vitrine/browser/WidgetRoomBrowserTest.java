package io.vitrine.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.vitrine.browser.DialogSteps.clickAccept;
import static io.vitrine.browser.DialogSteps.expertOnline;
import static io.vitrine.browser.DialogSteps.openWidget;
import static io.vitrine.browser.DialogSteps.requestDialog;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Frame;
import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.vitrine.support.Api;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The widget on the demo shop as shoppers meet it: what the launcher says, room to read the chat beside a live
 * stream on a laptop and a phone, unread messages while it is closed, a microphone that goes off with it, and
 * validation messages written for people.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:widgetroom;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "vitrine.demo=true"
})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WidgetRoomBrowserTest extends ChromiumTest {

    private static final String VISIBLE_MESSAGES = """
            () => {
              const log = document.querySelector('[data-testid=chat-log]');
              const box = log.getBoundingClientRect();
              if (box.bottom > innerHeight + 1 || box.top < 0) return -1; // the log itself is cut off by the frame
              return [...log.querySelectorAll('[data-testid=chat-message]')].filter((m) => {
                const r = m.getBoundingClientRect();
                return r.height > 0 && r.top >= box.top - 1 && r.bottom <= box.bottom + 1;
              }).length;
            }""";

    private static final String NEWEST_IN_VIEW = """
            () => {
              const log = document.querySelector('[data-testid=chat-log]');
              const last = [...log.querySelectorAll('[data-testid=chat-message]')].pop().getBoundingClientRect();
              const box = log.getBoundingClientRect();
              return log.clientHeight > 0 && last.bottom <= box.bottom + 1 && last.top >= box.top - 1;
            }""";

    @LocalServerPort
    int port;

    private final List<BrowserContext> contexts = new ArrayList<>();

    @AfterEach
    void screenshotsAndClose(org.junit.jupiter.api.TestInfo test) {
        String name = test.getTestMethod().map(java.lang.reflect.Method::getName).orElse("test");
        int i = 0;
        for (BrowserContext context : contexts) {
            for (Page page : context.pages()) {
                page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/" + name + "-" + i++ + ".png")));
            }
            context.close();
        }
        contexts.clear();
        endOpenDialogs();
    }

    /** Each test starts with a free expert, whatever the test before it left behind. */
    private void endOpenDialogs() {
        Api anna = Api.staff(port, "anna@demo.test", "demo-expert");
        for (String status : List.of("ACTIVE", "WAITING", "MESSAGE")) {
            for (var dialog : anna.get("/api/v1/dialogs?status=" + status).body()) {
                anna.post("/api/v1/dialogs/" + dialog.path("id").asString() + "/end", null);
            }
        }
    }

    @Test
    @Order(1)
    void launcherOffersToLeaveAMessageWhileNobodyIsOnlineAndAsksForTheQuestionFirst() {
        Page shop = shop(1366, 800);
        Locator launcher = shop.getByTestId("vitrine-button");
        assertThat(launcher).containsText("Leave us a message");
        launcher.click();
        FrameLocator widget = shop.frameLocator("iframe[data-testid=vitrine-frame]");
        Locator first = widget.locator("[data-testid=start-form] :is(input, textarea)").first();
        assertThat(first).hasAttribute("data-testid", "leave-message");
        assertThat(widget.locator("a[href*=privacy]:visible")).hasCount(1);
    }

    @Test
    @Order(2)
    void invalidInputIsExplainedInWordsForPeopleAndInputsStopAtTheServersLimits() {
        Page shop = shop(1366, 800);
        shop.getByTestId("vitrine-button").click();
        FrameLocator widget = shop.frameLocator("iframe[data-testid=vitrine-frame]");
        assertThat(widget.getByTestId("pd-name")).hasAttribute("maxlength", "120");
        assertThat(widget.getByTestId("pd-email")).hasAttribute("maxlength", "254");
        assertThat(widget.getByTestId("screen-name")).hasAttribute("maxlength", "40");

        widget.getByTestId("leave-message").fill("Do you ship to Norway?");
        widget.getByTestId("screen-name").fill("   "); // passes the browser's check, trimmed to nothing
        widget.getByTestId("pd-name").fill("Alex Doe");
        widget.getByTestId("pd-email").fill("alex@example.com");
        widget.getByTestId("consent").check();
        widget.getByTestId("send-left-message").click();

        assertThat(widget.getByTestId("form-error")).hasText("Some fields need your attention.");
        assertThat(widget.locator("#f-screenName-error")).hasText("Please fill in this field.");
        assertThat(widget.getByTestId("screen-name")).hasAttribute("aria-invalid", "true");
        assertThat(widget.locator("body")).not().containsText("must not be blank");
    }

    @Test
    @Order(3)
    void eightMessagesAreReadableBesideALiveStreamOnALaptop() {
        Page console = expertConsole();
        Page shop = shop(1366, 800);
        FrameLocator widget = startLiveConsultation(shop, console, "Lena");
        Frame frame = widgetFrame(shop);
        sendFromExpert(console, 10);
        assertThat(widget.getByTestId("chat-message").filter(hasText("Line 10 of our talk"))).isVisible();
        assertThat(widget.locator(".stage")).isVisible();
        frame.waitForFunction("() => (" + VISIBLE_MESSAGES + ")() >= 8", null);
        int visible = ((Number) frame.evaluate(VISIBLE_MESSAGES)).intValue();
        assertThat(visible).as("messages readable beside the stream at 1366×800").isGreaterThanOrEqualTo(8);
        snap(shop, "laptop-live");
        assertNothingOverlaps(widget);
        endFromConsole(console);
    }

    @Test
    @Order(4)
    void eightMessagesAreReadableOnAPhoneWithTheVideoMadeSmaller() {
        Page console = expertConsole();
        Page shop = shop(390, 844);
        FrameLocator widget = startLiveConsultation(shop, console, "Pia");
        Frame frame = widgetFrame(shop);
        sendFromExpert(console, 10);
        assertThat(widget.getByTestId("chat-message").filter(hasText("Line 10 of our talk"))).isVisible();
        widget.getByTestId("video-smaller").click();
        assertThat(widget.getByTestId("video-smaller")).hasAttribute("aria-pressed", "true");
        frame.waitForFunction("() => (" + VISIBLE_MESSAGES + ")() >= 8", null);
        assertThat(((Number) frame.evaluate(VISIBLE_MESSAGES)).intValue()).isGreaterThanOrEqualTo(8);
        snap(shop, "phone-live-small-video");
        assertNothingOverlaps(widget);
        assertThat(widget.getByTestId("mic-toggle")).isVisible();
        endFromConsole(console);
    }

    @Test
    @Order(5)
    void closingTheWidgetMutesTheMicrophoneAndCountsUnreadMessagesUntilItIsReopened() {
        Page console = expertConsole();
        Page shop = shop(1366, 800);
        FrameLocator widget = startLiveConsultation(shop, console, "Max");
        Frame frame = widgetFrame(shop);
        widget.getByTestId("mic-toggle").click();
        assertThat(widget.getByTestId("mic-toggle")).hasAttribute("aria-pressed", "true");

        String title = shop.title();
        shop.getByTestId("vitrine-button").click(); // closes the overlay
        assertThat(shop.locator("iframe[data-testid=vitrine-frame]")).isHidden();
        frame.waitForFunction("() => document.querySelector('[data-testid=mic-toggle]').getAttribute('aria-pressed') === 'false'", null);

        sendFromExpert(console, 12);
        assertThat(shop.getByTestId("vitrine-unread")).hasText("12");
        assertThat(shop).hasTitle("(12) New messages · " + title);
        snap(shop, "closed-with-unread");

        shop.getByTestId("vitrine-button").click();
        assertThat(shop.getByTestId("vitrine-unread")).isHidden();
        assertThat(shop).hasTitle(title);
        assertThat(widget.getByTestId("mic-toggle")).hasAttribute("aria-pressed", "false");
        Locator newest = widget.getByTestId("chat-message").filter(hasText("Line 12 of our talk"));
        assertThat(newest).isInViewport(new com.microsoft.playwright.assertions.LocatorAssertions.IsInViewportOptions().setRatio(1));
        frame.waitForFunction("""
                () => {
                  const log = document.querySelector('[data-testid=chat-log]');
                  const last = [...log.querySelectorAll('[data-testid=chat-message]')].pop().getBoundingClientRect();
                  return last.bottom <= log.getBoundingClientRect().bottom + 1;
                }""", null);
        endFromConsole(console);
    }

    @Test
    @Order(6)
    void invitePanelAndReportFormFitOnAPhoneAndAGuestLearnsHowTheirConsultationEnded() {
        Page console = expertConsole();
        Page shop = shop(390, 844);
        shop.context().grantPermissions(List.of("clipboard-read", "clipboard-write"));
        FrameLocator widget = startLiveConsultation(shop, console, "Hana");

        widget.getByTestId("invite-button").click();
        widget.getByTestId("invite-new").click();
        assertThat(widget.getByTestId("invite-url")).hasValue(Pattern.compile("/join/"));
        widget.getByTestId("invite-copy").click();
        assertThat(widget.getByTestId("invite-status")).not().isEmpty();
        assertFullyVisible(widget.getByTestId("invite-status"));
        assertFullyVisible(widget.getByTestId("invite-new"));
        assertNothingOverlaps(widget);
        snap(shop, "phone-invite-panel");
        String inviteUrl = widget.getByTestId("invite-url").inputValue();
        widget.getByTestId("invite-close").click();

        widget.getByTestId("report-problem").click();
        assertFullyVisible(widget.getByTestId("report-submit"));
        assertNothingOverlaps(widget);
        snap(shop, "phone-report-form");
        widget.getByTestId("report-problem").click();

        BrowserContext guestContext = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(390, 844).setIsMobile(true).setHasTouch(true));
        contexts.add(guestContext);
        Page guest = guestContext.newPage();
        guest.navigate(inviteUrl);
        guest.getByTestId("screen-name").fill("Gus");
        guest.getByTestId("guest-ready").click();
        assertThat(guest.getByTestId("expert-name")).containsText("Anna Expert");

        endFromConsole(console);
        assertThat(guest.getByTestId("guest-ended")).isVisible();
        assertThat(guest.getByTestId("guest-end-what")).containsText("Anna Expert ended the conversation");
        assertThat(guest.getByTestId("guest-end-site")).hasAttribute("href", Pattern.compile("/demo$"));
        assertThat(guest.getByTestId("guest-end-site")).containsText("Demo Store");
        snap(guest, "phone-guest-ended");
    }

    @Test
    @Order(7)
    void theNewestMessageStaysInViewWhenALeftMessageTurnsLive() {
        Page console = expertConsole();
        console.getByTestId("presence-OFFLINE").click();
        assertThat(console.getByTestId("presence-OFFLINE")).hasAttribute("aria-pressed", "true");
        awaitExpertsOnline(false);
        Page shop = shop(390, 844);
        assertThat(shop.getByTestId("vitrine-button")).containsText("Leave us a message");
        shop.getByTestId("vitrine-button").click();
        FrameLocator widget = shop.frameLocator("iframe[data-testid=vitrine-frame]");
        widget.getByTestId("leave-message").fill("Is the oak chair available in walnut?");
        widget.getByTestId("screen-name").fill("Olga");
        widget.getByTestId("pd-name").fill("Olga Doe");
        widget.getByTestId("pd-email").fill("olga@example.com");
        widget.getByTestId("consent").check();
        widget.getByTestId("send-left-message").click();
        assertThat(widget.getByTestId("left-message-sent")).isVisible();

        // The expert answers in text first; the chat fills and follows the newest message.
        console.getByTestId("presence-ONLINE").click();
        console.getByTestId("queue-item").filter(hasText("Olga")).getByTestId("accept-button").click();
        console.getByTestId("mode-toggle").click();
        assertThat(widget.locator(".stage")).isHidden();
        sendFromExpert(console, 12);
        assertThat(widget.getByTestId("chat-message").filter(hasText("Line 12 of our talk"))).isVisible();
        widgetFrame(shop).waitForFunction(NEWEST_IN_VIEW, null);

        // Then the consultation turns live: the video takes the top of the phone, and the newest message stays.
        console.getByTestId("mode-toggle").click();
        assertThat(widget.locator(".stage")).isVisible();
        widgetFrame(shop).waitForFunction("() => document.querySelector('.stage').getBoundingClientRect().height > 100", null);
        widgetFrame(shop).waitForFunction(NEWEST_IN_VIEW, null);
        snap(shop, "phone-left-message-live");

        // Closing the widget asks again who is online: the launcher no longer offers only a message.
        widget.getByTestId("close-widget").click();
        assertThat(shop.getByTestId("vitrine-button")).containsText("Talk to an expert");
        endFromConsole(console);
    }

    @Test
    @Order(8)
    void everyModuleLoadsByItsContentHashedUrlAndRefusalsAreWrittenForPeople() {
        Page page = shop(390, 844);
        List<String> scripts = new ArrayList<>();
        page.onRequest(request -> {
            if (request.url().endsWith(".js")) {
                scripts.add(request.url());
            }
        });
        page.navigate(base() + "/widget/demo");
        page.waitForSelector("body[data-ready]");
        assertThat(scripts).isNotEmpty();
        assertThat(scripts).allMatch(url -> url.matches(".*-[0-9a-f]{32}\\.js"), "every module URL is content-hashed");
        assertThat(scripts).anyMatch(url -> url.contains("/shared/ui-"));

        Object text = page.evaluate("""
                async () => (await import('/shared/ui.js')).refusalText({
                  code: 'rate_limited', message: 'Too many frames; this one was dropped. Slow down.' })""");
        assertThat(text).isEqualTo("You are sending very fast. Please wait a moment and send again.");
    }

    // ------------------------------------------------------------------ helpers

    /** The parts of a conversation (head, panels, video, participants, chat, composer, footer) never overlap. */
    private static void assertNothingOverlaps(FrameLocator widget) {
        Object overlaps = widget.locator("[data-testid=chat-log]").evaluate("""
                (log) => {
                  const parts = [...document.querySelectorAll('.conversation > *, .conversation-body > *, .chat-pane > *, .bar')]
                    .filter((el) => el.getClientRects().length > 0 && el.getBoundingClientRect().height > 0);
                  const found = [];
                  for (const a of parts) for (const b of parts) {
                    if (a === b || a.contains(b) || b.contains(a)) continue;
                    const r = a.getBoundingClientRect(), q = b.getBoundingClientRect();
                    const x = Math.min(r.right, q.right) - Math.max(r.left, q.left);
                    const y = Math.min(r.bottom, q.bottom) - Math.max(r.top, q.top);
                    if (x > 1 && y > 1) found.push(`${a.className} × ${b.className}`);
                  }
                  return found.join('; ');
                }""");
        assertThat(String.valueOf(overlaps)).as("overlapping parts").isEmpty();
    }

    /** Inside the window and inside every box that clips it: seen without scrolling anything. */
    private static void assertFullyVisible(Locator element) {
        element.evaluate("""
                (el) => new Promise((resolve, reject) => {
                  const deadline = Date.now() + 15000;
                  const check = () => {
                    const r = el.getBoundingClientRect();
                    let ok = r.height > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight + 1 && r.right <= innerWidth + 1;
                    for (let p = el.parentElement; ok && p; p = p.parentElement) {
                      const style = getComputedStyle(p);
                      if (!/(auto|scroll|hidden|clip)/.test(style.overflowX + style.overflowY)) continue;
                      const b = p.getBoundingClientRect();
                      ok = r.top >= b.top - 1 && r.bottom <= b.bottom + 1 && r.left >= b.left - 1 && r.right <= b.right + 1;
                    }
                    if (ok) resolve(true);
                    else if (Date.now() > deadline) reject(new Error(`${el.dataset.testid} is cut off at ${JSON.stringify(r)}`));
                    else requestAnimationFrame(check);
                  };
                  check();
                })""");
    }

    private Page shop(int width, int height) {
        BrowserContext context = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(width, height).setHasTouch(width < 600).setIsMobile(width < 600));
        contexts.add(context);
        Page page = context.newPage();
        page.navigate(base() + "/demo");
        return page;
    }

    private Page expertConsole() {
        BrowserContext context = browser.newContext();
        contexts.add(context);
        Page console = context.newPage();
        return expertOnline(console, base());
    }

    private FrameLocator startLiveConsultation(Page shop, Page console, String name) {
        shop.reload(); // the launcher reads who is online when the page loads
        FrameLocator widget = openWidget(shop);
        requestDialog(widget::getByTestId, name);
        clickAccept(console, name);
        assertThat(widget.getByTestId("expert-name")).containsText("Anna Expert");
        assertThat(widget.getByTestId("mic-toggle")).isVisible();
        return widget;
    }

    private static void sendFromExpert(Page console, int count) {
        for (int i = 1; i <= count; i++) {
            console.getByTestId("chat-input").fill("Line " + i + " of our talk");
            console.getByTestId("chat-send").click();
            assertThat(console.getByTestId("chat-message").filter(hasText("Line " + i + " of our talk"))).hasCount(1);
        }
    }

    private static void endFromConsole(Page console) {
        console.getByTestId("end-dialog").click();
        console.getByTestId("confirm-end").click();
    }

    private static Frame widgetFrame(Page shop) {
        return shop.locator("iframe[data-testid=vitrine-frame]").elementHandle().contentFrame();
    }

    /** Polls the widget's public config until the server sees the team as online (or not). */
    private void awaitExpertsOnline(boolean online) {
        Api anonymous = Api.anonymous(port);
        long deadline = System.currentTimeMillis() + 30_000;
        while (anonymous.get("/api/v1/widget/demo/config").body().path("expertsOnline").asBoolean() != online) {
            assertThat(System.currentTimeMillis()).as("experts online = " + online + " in time").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    private static void snap(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/widget-" + name + ".png")));
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private static Locator.FilterOptions hasText(String text) {
        return new Locator.FilterOptions().setHasText(text);
    }
}
