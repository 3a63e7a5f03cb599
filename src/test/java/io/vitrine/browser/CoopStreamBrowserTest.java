package io.vitrine.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.vitrine.browser.DialogSteps.ADMIN_EMAIL;
import static io.vitrine.browser.DialogSteps.ADMIN_PASSWORD;
import static io.vitrine.browser.DialogSteps.clickAccept;
import static io.vitrine.browser.DialogSteps.expertOnline;
import static io.vitrine.browser.DialogSteps.requestDialog;
import static io.vitrine.browser.DialogSteps.signIn;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Co-op shopping in real Chromium: an expert streams to a Host and four Guests who joined through an invite link,
 * everyone in their own browser context with a fake camera and microphone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:coop;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "vitrine.demo=true"
})
class CoopStreamBrowserTest extends ChromiumTest {

    /** True once this page received more than 1,000 bytes of audio from participant {@code id}. */
    private static final String AUDIO_RECEIVED_FROM = """
            async id => {
              for (const mesh of window.vitrineMeshes ?? []) {
                const peer = mesh.peersOf(id)[0];
                if (!peer) continue;
                let bytes = 0;
                (await peer.connection.getStats()).forEach(s => { if (s.type === 'inbound-rtp' && s.kind === 'audio') bytes += s.bytesReceived; });
                if (bytes > 1000) return true;
              }
              return false;
            }""";

    /** Media needs time on a small machine: six browsers encode and decode at once. */
    private static final double MEDIA_WAIT_MS = 60_000;


    @LocalServerPort
    int port;

    private final List<Page> pages = new ArrayList<>();

    @AfterEach
    void screenshotsAtTheEnd(TestInfo test) {
        screenshots(test.getTestMethod().map(java.lang.reflect.Method::getName).orElse("test").substring(0, 12) + "-end");
    }

    @Test
    @SuppressWarnings("unchecked")
    void expertStreamsToAHostAndFourGuestsWhoJoinedThroughTheInviteLink() {
        String base = "http://localhost:" + port;
        Page console = expertConsole(base);

        // The Host starts a consultation; the screen name follows the first word of the full name until edited.
        Page host = customerPage("host");
        host.navigate(base + "/widget/demo");
        host.getByTestId("pd-name").fill("Hana Host");
        assertThat(host.getByTestId("screen-name")).hasValue("Hana");
        host.getByTestId("pd-email").fill("hana@example.com");
        host.getByTestId("consent").check();
        host.getByTestId("start-dialog").click();

        clickAccept(console, "Hana");
        assertThat(console.getByTestId("self-video")).isVisible();
        waitForVideo(host);
        // The console entered the stream once: the answer to its subscription did not make it ask again.
        assertThat(console.evaluate("() => Object.values(window.streamFramesSent)")).isEqualTo(List.of(1));

        // Only the Host invites: a link from the invite panel.
        host.getByTestId("invite-button").click();
        host.getByTestId("invite-new").click();
        assertThat(host.getByTestId("invite-url")).hasValue(java.util.regex.Pattern.compile("/join/"));
        String inviteUrl = host.getByTestId("invite-url").inputValue();

        List<Page> customers = new ArrayList<>(List.of(host));
        for (int i = 1; i <= 4; i++) {
            Page guest = customerPage("guest" + i);
            if (i == 4) {
                guest.setViewportSize(360, 640); // the smallest phones
            }
            guest.navigate(inviteUrl);
            assertThat(guest.getByTestId("join-merchant")).containsText("Demo Store");
            assertThat(guest.getByTestId("join-expert")).containsText("Anna Expert");
            guest.getByTestId("screen-name").fill("Guest " + i);
            guest.getByTestId("guest-ready").click();
            waitForVideo(guest);
            customers.add(guest);
        }
        assertThat(host.getByTestId("chat-notice").and(host.locator("[data-kind=JOINED]"))).hasCount(4);
        assertThat(console.getByTestId("participant")).hasCount(6);
        screenshots("streaming");

        // Every customer receives moving video from the expert.
        for (Page customer : customers) {
            Map<?, ?> video = framesOverOneSecond(customer);
            assertThat(((Number) video.get("width")).intValue()).as("video width").isPositive();
            assertThat(((Number) video.get("frames")).intValue() >= 3 || ((Number) video.get("advanced")).doubleValue() > 0.3)
                    .as("video frames advance: " + video).isTrue();
        }

        // Two customers switch their microphone on; the expert hears them and sees them speak (the fake mic beeps).
        for (Page speaker : List.of(host, customers.get(1))) {
            speaker.getByTestId("mic-toggle").click();
            assertThat(speaker.getByTestId("mic-toggle")).hasAttribute("aria-pressed", "true");
            String id = selfId(speaker);
            console.waitForFunction("id => document.querySelector(`[data-testid=participant][data-participant-id=\"${id}\"][data-speaking=true]`)",
                    id, new Page.WaitForFunctionOptions().setTimeout(MEDIA_WAIT_MS).setPollingInterval(50));
            assertThat(console.locator("[data-testid=remote-audio][data-participant-id=\"" + id + "\"]")).hasCount(1);
            console.waitForFunction(AUDIO_RECEIVED_FROM, id, new Page.WaitForFunctionOptions().setTimeout(MEDIA_WAIT_MS).setPollingInterval(500));
        }

        // The customers hear each other too: every pair of the six peers is connected.
        host.waitForFunction(AUDIO_RECEIVED_FROM, selfId(customers.get(1)),
                new Page.WaitForFunctionOptions().setTimeout(MEDIA_WAIT_MS).setPollingInterval(500));
        for (Page customer : customers) {
            customer.waitForFunction("() => [...(window.vitrineMeshes ?? [])].some(m => m.peers.size === 5"
                    + " && [...m.peers.values()].every(p => p.state === 'live' || p.state === 'poor'))",
                    null, new Page.WaitForFunctionOptions().setTimeout(MEDIA_WAIT_MS).setPollingInterval(200));
        }

        // Switching microphones on changed no connection's layout: one audio and one video section each.
        for (Page page : pages) {
            Object layouts = page.evaluate("() => [...(window.vitrineMeshes ?? [])].flatMap(m => [...m.peers.values()])"
                    + ".map(p => p.connection.getTransceivers().map(t => t.receiver.track.kind).join('+'))");
            assertThat((List<Object>) layouts).as("transceivers of every connection").containsOnly("audio+video");
        }

        // A sixth customer finds the stream full.
        Page sixth = customerPage("sixth");
        sixth.navigate(inviteUrl);
        assertThat(sixth.getByTestId("stream-full")).isVisible();

        // A Guest may not end the consultation: no button, and the server refuses.
        Page guest = customers.get(2);
        assertThat(guest.getByTestId("end-dialog")).isHidden();
        assertThat(guest.getByTestId("leave-stream")).isVisible();
        clientErrors.allow("HTTP 403 POST"); // refused on purpose, just below
        Object status = guest.evaluate("""
                async () => {
                  const id = document.querySelector('.conversation').dataset.dialogId;
                  const token = localStorage.getItem('vitrine.token.demo');
                  const response = await fetch(`/api/v1/widget/me/dialogs/${id}/end`, { method: 'POST', headers: { Authorization: `Bearer ${token}` } });
                  return response.status;
                }""");
        assertThat(((Number) status).intValue()).isEqualTo(403);

        // The Host revokes the link: a new visitor is told it no longer works.
        if (host.getByTestId("invite-revoke").isHidden()) {
            host.getByTestId("invite-button").click();
        }
        host.getByTestId("invite-revoke").click();
        assertThat(host.getByTestId("invite-status")).containsText("revoked");
        clientErrors.allow(inviteUrl.substring(inviteUrl.indexOf("/join/"))); // the revoked link, on purpose
        sixth.navigate(inviteUrl);
        assertThat(sixth.getByTestId("invite-invalid")).isVisible();

        // The Host ends it; everyone's list shows it ended.
        host.getByTestId("end-dialog").click();
        host.getByTestId("confirm-end").click();
        assertThat(host.getByTestId("rating-star-5")).isVisible();
        for (Page customer : customers) {
            customer.getByTestId("my-conversations").click();
            assertThat(customer.getByTestId("dialog-item").and(customer.locator("[data-status=ENDED]"))).hasCount(1);
        }
        // The newest of the demo merchant's dialogs with Hana comes first (a run again after a failure finds two).
        assertThat(console.getByTestId("history-item").filter(new Locator.FilterOptions().setHasText("Hana")).first()).isVisible();
    }

    @Test
    void aGuestLeavesAndJoinsAgainTheHostSwitchesToTextOnlyAndAProblemReportReachesTheDashboard() {
        String base = "http://localhost:" + port;
        Page console = expertConsole(base);
        Page host = customerPage("host");
        host.navigate(base + "/widget/demo");
        requestDialog(host::getByTestId, "Rosa", "Rosa Host", "rosa@example.com", false);
        clickAccept(console, "Rosa");
        waitForVideo(host);
        host.getByTestId("invite-button").click();
        host.getByTestId("invite-new").click();
        assertThat(host.getByTestId("invite-url")).hasValue(java.util.regex.Pattern.compile("/join/"));
        Page guest = customerPage("guest");
        guest.navigate(host.getByTestId("invite-url").inputValue());
        guest.getByTestId("screen-name").fill("Gil");
        guest.getByTestId("guest-ready").click();
        waitForVideo(guest);

        // Leaving stops the Guest's media; joining again brings it back.
        guest.getByTestId("leave-stream").click();
        assertThat(guest.getByTestId("rejoin-stream")).isVisible();
        assertThat(guest.getByTestId("expert-video")).isHidden();
        assertThat(host.getByTestId("chat-notice").and(host.locator("[data-kind=LEFT]"))).hasCount(1);
        guest.getByTestId("rejoin-stream").click();
        waitForVideo(guest);

        // Text only, then video again: the stage goes and comes back for everyone.
        host.getByTestId("mode-toggle").click();
        assertThat(host.getByTestId("mode-toggle")).hasAttribute("aria-pressed", "true");
        assertThat(guest.getByTestId("expert-video")).isHidden();
        assertThat(console.getByTestId("self-video")).isHidden();
        assertThat(guest.getByTestId("chat-notice").and(guest.locator("[data-kind=MODE]"))).hasCount(1);
        host.getByTestId("mode-toggle").click();
        waitForVideo(guest);
        waitForVideo(host);

        // A Guest reports a problem; the admin reads it with its context.
        guest.getByTestId("report-problem").click();
        guest.getByTestId("report-text").fill("The sound stutters");
        guest.getByTestId("report-submit").click();
        assertThat(guest.getByTestId("report-thanks")).isVisible();

        Page admin = newPage("admin", false);
        signIn(admin, base, ADMIN_EMAIL, ADMIN_PASSWORD);
        admin.navigate(base + "/admin");
        Locator report = admin.getByTestId("report-item").filter(new Locator.FilterOptions().setHasText("The sound stutters"));
        assertThat(report).containsText("Gil");
        assertThat(report.getByTestId("report-context")).containsText("Chrom");
        assertThat(admin.getByTestId("setting-coop")).isChecked();
        screenshots("report");
    }

    private Page expertConsole(String base) {
        Page console = newPage("expert", true);
        console.setViewportSize(1280, 800);
        // Counts the `stream` frames the console sends, per dialog.
        console.addInitScript("""
                window.streamFramesSent = {};
                const send = WebSocket.prototype.send;
                WebSocket.prototype.send = function (data) {
                  try {
                    const frame = JSON.parse(data);
                    if (frame.type === 'stream') window.streamFramesSent[frame.dialogId] = (window.streamFramesSent[frame.dialogId] ?? 0) + 1;
                  } catch {}
                  return send.call(this, data);
                };""");
        return expertOnline(console, base);
    }

    /** A phone-sized widget page in a context of its own (its own shopper token). */
    private Page customerPage(String name) {
        Page page = newPage(name, false);
        page.setViewportSize(400, 760);
        return page;
    }

    private Page newPage(String name, boolean camera) {
        BrowserContext context = context(new Browser.NewContextOptions()
                .setPermissions(camera ? List.of("camera", "microphone") : List.of("microphone")));
        Page page = page(context, name);
        pages.add(page);
        return page;
    }

    private static void waitForVideo(Page customer) {
        customer.waitForFunction("() => document.querySelector('[data-testid=expert-video]')?.videoWidth > 0", null,
                new Page.WaitForFunctionOptions().setTimeout(MEDIA_WAIT_MS).setPollingInterval(100));
        assertThat(customer.getByTestId("media-state")).hasAttribute("data-state", java.util.regex.Pattern.compile("live|poor"),
                new com.microsoft.playwright.assertions.LocatorAssertions.HasAttributeOptions().setTimeout(MEDIA_WAIT_MS));
    }

    /** Video frames painted within about a second, and how far the playback position moved. */
    private static Map<?, ?> framesOverOneSecond(Page customer) {
        return (Map<?, ?>) customer.evaluate("""
                () => new Promise(resolve => {
                  const video = document.querySelector('[data-testid=expert-video]');
                  const startTime = video.currentTime;
                  const started = performance.now();
                  let frames = 0;
                  const done = () => resolve({ width: video.videoWidth, frames, advanced: video.currentTime - startTime });
                  const count = () => {
                    frames++;
                    if (performance.now() - started < 1000) video.requestVideoFrameCallback(count);
                  };
                  video.requestVideoFrameCallback(count);
                  setTimeout(done, 1200);
                })""");
    }

    private static String selfId(Page customer) {
        return customer.locator("[data-testid=participant][data-self=true]").getAttribute("data-participant-id");
    }

    private void screenshots(String step) {
        for (int i = 0; i < pages.size(); i++) {
            Page page = pages.get(i);
            if (!page.isClosed()) {
                page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/coop-" + step + "-" + i + ".png")));
            }
        }
    }
}
