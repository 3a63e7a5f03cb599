package io.vitrine.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.vitrine.browser.DialogSteps.accept;
import static io.vitrine.browser.DialogSteps.expertOnline;
import static io.vitrine.browser.DialogSteps.openWidget;
import static io.vitrine.browser.DialogSteps.requestDialog;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import io.vitrine.support.Api;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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

    /** Media needs time on a small machine. */
    private static final double MEDIA_WAIT_MS = 60_000;

    /** Each test starts with Anna free: dialogs a test left live would count against her capacity. */
    @BeforeEach
    void endLiveDialogs() {
        Api admin = Api.staff(port, "admin@demo.test", "demo-admin");
        admin.get("/api/v1/dialogs?status=ACTIVE").body()
                .forEach(dialog -> admin.post("/api/v1/dialogs/" + dialog.path("id").asString() + "/end", null));
    }

    @AfterEach
    void screenshotsOnTheWayOut(TestInfo test) {
        for (var context : new BrowserContext[] {shopperContext, expertContext}) {
            if (context != null) {
                int i = 0;
                for (Page page : context.pages()) {
                    page.screenshot(new Page.ScreenshotOptions().setPath(
                            Path.of("target/screenshots/" + test.getDisplayName().replaceAll("\\W", "") + "-" + (context == shopperContext ? "shopper" : "expert") + i++ + ".png")));
                }
            }
        }
    }

    @Test
    void shopperAndExpertTalkFromTheButtonToTheRatingInBothHistories() {
        String base = "http://localhost:" + port;

        expertContext = context(new Browser.NewContextOptions());
        Page console = expertOnline(page(expertContext, "expert"), base);

        shopperContext = context(new Browser.NewContextOptions());
        Page shop = page(shopperContext, "shopper");
        shop.navigate(base + "/demo");
        FrameLocator widget = openWidget(shop);
        requestDialog(widget::getByTestId, "Alex");

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
        FrameLocator reopened = openWidget(shop);
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

    @Test
    void anExpertWithTwoVideoDialogsIsOnCameraInOneAndTheOtherShopperIsToldWhy() {
        String base = "http://localhost:" + port;
        Page console = expertConsole(base);
        Page first = startDialog(base, "shopper-1", "Mia");
        accept(console, "Mia");
        waitForVideo(first);

        Page second = startDialog(base, "shopper-2", "Noah");
        accept(console, "Noah");
        waitForVideo(second);
        // Mia is not left waiting for nothing: she is told Anna helps someone else, and the chat goes on.
        Locator placeholder = first.getByTestId("stage-placeholder");
        assertThat(placeholder).hasAttribute("data-reason", "elsewhere", mediaWait());
        assertThat(placeholder).containsText("Anna Expert is helping another customer");
        first.getByTestId("chat-input").fill("I will wait, thanks");
        first.getByTestId("chat-send").click();

        // Anna turns back to Mia: Mia's video plays again, and now Noah is told.
        console.getByTestId("active-item").filter(hasText("Mia")).click();
        assertThat(console.getByTestId("chat-message").filter(hasText("I will wait, thanks"))).isVisible();
        waitForVideo(first);
        assertVideoPlays(first);
        assertThat(second.getByTestId("stage-placeholder")).hasAttribute("data-reason", "elsewhere", mediaWait());
    }

    @Test
    void microphoneAndCameraSwitchedWhileTheStreamStartsNeedNoNewNegotiation() {
        String base = "http://localhost:" + port;
        Page console = expertConsole(base);
        Page shopper = startDialog(base, "shopper", "Lea");
        accept(console, "Lea");
        // Both switch at once, while the first offer and answer are still under way.
        shopper.getByTestId("mic-toggle").click();
        console.getByTestId("camera-toggle").click();
        console.getByTestId("camera-toggle").click();
        waitForVideo(shopper);
        assertVideoPlays(shopper);
        assertThat(shopper.getByTestId("mic-toggle")).hasAttribute("aria-pressed", "true");
        console.waitForFunction("""
                async () => {
                  for (const mesh of window.vitrineMeshes ?? []) {
                    for (const peer of mesh.peers.values()) {
                      let bytes = 0;
                      (await peer.connection.getStats()).forEach(s => { if (s.type === 'inbound-rtp' && s.kind === 'audio') bytes += s.bytesReceived; });
                      if (bytes > 1000) return true;
                    }
                  }
                  return false;
                }""", null, new Page.WaitForFunctionOptions().setTimeout(MEDIA_WAIT_MS).setPollingInterval(500));
        // One audio and one video section on both sides: nothing was added by a later offer.
        for (Page page : List.of(console, shopper)) {
            Object layouts = page.evaluate("() => [...(window.vitrineMeshes ?? [])].flatMap(m => [...m.peers.values()])"
                    + ".map(p => p.connection.getTransceivers().map(t => t.receiver.track.kind).join('+'))");
            org.assertj.core.api.Assertions.assertThat(layouts).as("transceivers").isEqualTo(List.of("audio+video"));
        }
    }

    @Test
    void theExpertsCameraSwitchedOffAndOnWhileItOpensEndsOnWithOneCameraOpen() {
        String base = "http://localhost:" + port;
        expertContext = context(new Browser.NewContextOptions().setPermissions(List.of("camera", "microphone")));
        // A camera that takes two seconds to open, as real ones can: the expert's switches come while it opens.
        // Every track opened is kept, to count those still running once no opening is under way.
        expertContext.addInitScript("""
                (() => {
                  const devices = navigator.mediaDevices;
                  const open = devices.getUserMedia.bind(devices);
                  window.vitrineTestTracks = [];
                  window.vitrineTestOpening = 0;
                  devices.getUserMedia = async (constraints) => {
                    window.vitrineTestOpening += 1;
                    try {
                      await new Promise(resolve => setTimeout(resolve, 2000));
                      const stream = await open(constraints);
                      window.vitrineTestTracks.push(...stream.getTracks());
                      return stream;
                    } finally {
                      window.vitrineTestOpening -= 1;
                    }
                  };
                })()""");
        Page console = page(expertContext, "expert");
        console.setViewportSize(1280, 800);
        expertOnline(console, base);
        Page shopper = startDialog(base, "shopper", "Eva");
        accept(console, "Eva");

        // Off and on while the camera still opens: it shows as coming on, so the first click switches it off.
        Locator camera = console.getByTestId("camera-toggle");
        camera.click();
        camera.click();
        org.assertj.core.api.Assertions.assertThat(console.evaluate("() => window.vitrineTestTracks.length"))
                .as("tracks opened before the switches").isEqualTo(0);
        assertThat(camera).hasAttribute("aria-pressed", "true");

        waitForVideo(shopper);
        assertVideoPlays(shopper);
        assertThat(shopper.getByTestId("stage-placeholder")).isHidden();
        // Exactly one camera runs: none was opened twice and left running unseen.
        console.waitForFunction("() => window.vitrineTestOpening === 0", null, new Page.WaitForFunctionOptions().setTimeout(MEDIA_WAIT_MS));
        org.assertj.core.api.Assertions.assertThat(console.evaluate("() => window.vitrineTestTracks"
                + ".filter(t => t.kind === 'video' && t.readyState === 'live').length")).isEqualTo(1);
    }

    @Test
    void aShopperWithTheWidgetInTwoTabsSeesTheExpertInBoth() {
        String base = "http://localhost:" + port;
        Page console = expertConsole(base);
        Page firstTab = startDialog(base, "tab-1", "Tom");
        accept(console, "Tom");
        waitForVideo(firstTab);

        Page secondTab = page(shopperContext, "tab-2"); // the same browser: the same shopper
        secondTab.navigate(base + "/widget/demo");
        assertThat(secondTab.getByTestId("expert-name")).containsText("Anna Expert");
        waitForVideo(secondTab);
        assertVideoPlays(secondTab);
        assertVideoPlays(firstTab);
        assertThat(console.getByTestId("media-state")).hasAttribute("data-state", Pattern.compile("live|poor"), mediaWait());

        // A reload mid-stream joins again just as cleanly.
        firstTab.reload();
        waitForVideo(firstTab);
        assertVideoPlays(firstTab);
        assertVideoPlays(secondTab);
    }

    @Test
    void theVideoComesBackByItselfAfterTheShoppersConnectionDrops() {
        String base = "http://localhost:" + port;
        Page console = expertConsole(base);
        shopperContext = context(new Browser.NewContextOptions().setPermissions(List.of("microphone")));
        shopperContext.addInitScript("""
                (() => {
                  const Native = window.WebSocket;
                  window.vitrineTestSockets = [];
                  window.WebSocket = class extends Native {
                    constructor(...args) { super(...args); window.vitrineTestSockets.push(this); }
                  };
                })()""");
        Page shopper = startDialog(base, "shopper", "Ida", shopperContext);
        accept(console, "Ida");
        waitForVideo(shopper);

        shopper.evaluate("() => window.vitrineTestSockets.forEach(socket => socket.close())");
        shopper.waitForFunction("() => window.vitrineTestSockets.length > 1", null,
                new Page.WaitForFunctionOptions().setTimeout(MEDIA_WAIT_MS));
        waitForVideo(shopper);
        assertVideoPlays(shopper);
        assertThat(console.getByTestId("media-state")).hasAttribute("data-state", Pattern.compile("live|poor"), mediaWait());
    }

    @Test
    void aShopperPageTheServerTookOutOfTheStreamEntersItAgainAndTheVideoComesBack() {
        String base = "http://localhost:" + port;
        Page console = expertConsole(base);
        Page shopper = startDialog(base, "shopper", "Uma");
        accept(console, "Uma");
        waitForVideo(shopper);
        String before = (String) shopper.evaluate("() => [...window.vitrineMeshes][0].selfId");

        // The server takes the page's connection out of the stream (its socket unsubscribes and subscribes again)
        // while the page's mesh goes on: it still takes itself to be in the stream. The next frame of the stream it
        // sends (the microphone switched on, or a restart of the connection the expert closed) is refused.
        shopper.evaluate("() => { const mesh = [...window.vitrineMeshes][0]; mesh.socket.resubscribe(mesh.dialogId); }");
        shopper.getByTestId("mic-toggle").click();

        // The page enters the stream again, as a new peer (the server forgot the old one), and the video comes back.
        shopper.waitForFunction("before => { const mesh = [...window.vitrineMeshes][0]; return mesh.selfId && mesh.selfId !== before; }",
                before, new Page.WaitForFunctionOptions().setTimeout(MEDIA_WAIT_MS).setPollingInterval(100));
        String after = (String) shopper.evaluate("() => [...window.vitrineMeshes][0].selfId");
        console.waitForFunction("peer => [...(window.vitrineMeshes ?? [])].some(m => ['live', 'poor'].includes(m.peers.get(peer)?.state))",
                after, new Page.WaitForFunctionOptions().setTimeout(MEDIA_WAIT_MS).setPollingInterval(250));
        waitForVideo(shopper);
        assertVideoPlays(shopper);
        assertThat(shopper.getByTestId("mic-toggle")).hasAttribute("aria-pressed", "true");
    }

    private Page expertConsole(String base) {
        expertContext = context(new Browser.NewContextOptions().setPermissions(List.of("camera", "microphone")));
        Page console = page(expertContext, "expert");
        console.setViewportSize(1280, 800);
        return expertOnline(console, base);
    }

    /** A shopper (in a browser of their own) opens the widget and asks for a consultation. */
    private Page startDialog(String base, String name, String screenName) {
        shopperContext = context(new Browser.NewContextOptions().setPermissions(List.of("microphone")));
        return startDialog(base, name, screenName, shopperContext);
    }

    private Page startDialog(String base, String name, String screenName, BrowserContext browser) {
        Page page = page(browser, name);
        page.setViewportSize(400, 760);
        page.navigate(base + "/widget/demo");
        requestDialog(page::getByTestId, screenName);
        return page;
    }

    private static void waitForVideo(Page customer) {
        customer.waitForFunction("() => document.querySelector('[data-testid=expert-video]')?.videoWidth > 0", null,
                new Page.WaitForFunctionOptions().setTimeout(MEDIA_WAIT_MS).setPollingInterval(100));
        assertThat(customer.getByTestId("media-state")).hasAttribute("data-state", Pattern.compile("live|poor"), mediaWait());
    }

    /** The expert's video is visible and new frames arrive. */
    private static void assertVideoPlays(Page customer) {
        // Shown with its first decoded frame, which a busy machine can take longer than the default wait to deliver.
        assertThat(customer.getByTestId("expert-video")).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(MEDIA_WAIT_MS));
        customer.waitForFunction("""
                () => new Promise(resolve => {
                  const video = document.querySelector('[data-testid=expert-video]');
                  let frames = 0;
                  const count = () => { if (++frames >= 3) resolve(true); else video.requestVideoFrameCallback(count); };
                  video.requestVideoFrameCallback(count);
                  setTimeout(() => resolve(false), 2000);
                })""", null, new Page.WaitForFunctionOptions().setTimeout(MEDIA_WAIT_MS).setPollingInterval(500));
    }

    private static LocatorAssertions.HasAttributeOptions mediaWait() {
        return new LocatorAssertions.HasAttributeOptions().setTimeout(MEDIA_WAIT_MS);
    }

    private static Locator.FilterOptions hasText(String text) {
        return new Locator.FilterOptions().setHasText(text);
    }

}
