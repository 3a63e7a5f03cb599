package io.vitrine.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.function.Function;

/**
 * The steps most browser tests take on the way to a live dialog: staff signing in, the expert going Online, a shopper
 * filling in the widget's start form, the expert accepting the request. Each step acts on pages the test made itself,
 * so it keeps its own contexts, viewports and error watching.
 */
final class DialogSteps {

    /** The demo merchant's expert and admin (see the demo data). */
    static final String EXPERT_EMAIL = "anna@demo.test";
    static final String EXPERT_PASSWORD = "demo-expert";
    static final String ADMIN_EMAIL = "admin@demo.test";
    static final String ADMIN_PASSWORD = "demo-admin";

    private DialogSteps() {}

    /** Signs in on {@code base}'s login page and waits until the browser is sent on to the console. */
    static Page signIn(Page page, String base, String email, String password) {
        page.navigate(base + "/login");
        page.getByTestId("login-email").fill(email);
        page.getByTestId("login-password").fill(password);
        page.getByTestId("login-submit").click();
        page.waitForURL("**/console");
        return page;
    }

    /** Signs in and waits until the console has loaded what it shows. */
    static Page openConsole(Page page, String base, String email, String password) {
        signIn(page, base, email, password);
        page.waitForSelector("body[data-ready]");
        return page;
    }

    /** The demo expert's console, loaded. */
    static Page openExpertConsole(Page page, String base) {
        return openConsole(page, base, EXPERT_EMAIL, EXPERT_PASSWORD);
    }

    /** The demo expert's console, loaded, with her Online (and the console saying so). */
    static Page expertOnline(Page page, String base) {
        openExpertConsole(page, base);
        goOnline(page);
        return page;
    }

    /** The signed-in expert goes Online; waits until the console shows it. */
    static void goOnline(Page console) {
        console.getByTestId("presence-ONLINE").click();
        assertThat(console.getByTestId("presence-ONLINE")).hasAttribute("aria-pressed", "true");
    }

    /** The shopper opens the widget with the shop's button; the widget's frame. */
    static FrameLocator openWidget(Page shop) {
        shop.getByTestId("vitrine-button").click();
        return shop.frameLocator("iframe[data-testid=vitrine-frame]");
    }

    /**
     * Fills in the widget's start form as "{@code screenName} Doe", {@code screenname@example.com}, and asks for a
     * dialog with video. {@code widget} finds an element of the widget by its test id: {@code page::getByTestId} on the
     * widget page, or {@code frame::getByTestId} on the widget's frame in a shop.
     */
    static void requestDialog(Function<String, Locator> widget, String screenName) {
        requestDialog(widget, screenName, screenName + " Doe", screenName.toLowerCase() + "@example.com", false);
    }

    /** Fills in the widget's start form with these details and asks for a dialog, in text only if {@code textOnly}. */
    static void requestDialog(Function<String, Locator> widget, String screenName, String fullName, String email,
            boolean textOnly) {
        widget.apply("screen-name").fill(screenName);
        widget.apply("pd-name").fill(fullName);
        widget.apply("pd-email").fill(email);
        widget.apply("consent").check();
        if (textOnly) {
            widget.apply("start-text-only").check();
        }
        widget.apply("start-dialog").click();
    }

    /** The expert accepts the waiting request of {@code screenName} from the queue. */
    static void clickAccept(Page console, String screenName) {
        console.getByTestId("queue-item").filter(new Locator.FilterOptions().setHasText(screenName))
                .getByTestId("accept-button").click();
    }

    /** The expert accepts the request of {@code screenName}; waits until its chat is open in the console. */
    static void accept(Page console, String screenName) {
        clickAccept(console, screenName);
        assertThat(console.getByTestId("chat-title")).containsText(screenName);
    }
}
