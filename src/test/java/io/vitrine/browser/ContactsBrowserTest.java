package io.vitrine.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.vitrine.browser.DialogSteps.accept;
import static io.vitrine.browser.DialogSteps.expertOnline;
import static io.vitrine.browser.DialogSteps.openExpertConsole;
import static io.vitrine.browser.DialogSteps.requestDialog;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.vitrine.support.Api;
import java.time.Duration;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Contacts in real browsers, in demo mode (Vitrine's own mail server and /demo/inbox): the expert invites the Host
 * from a live dialog, the shopper joins in the widget and confirms in the demo mailbox, the expert writes from the
 * Contacts area, and the shopper's reply arrives live in the expert's thread.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:contacts-browser;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "vitrine.demo=true",
        "vitrine.contacts.outbox.poll-interval=200ms"
})
class ContactsBrowserTest extends ChromiumTest {

    @LocalServerPort
    int port;

    @Test
    void shouldInviteFromALiveDialogOptInByEmailAndTalkBothWays() {
        String base = "http://localhost:" + port;
        Page console = expertOnline(page(context(new Browser.NewContextOptions()), "expert"), base);

        Page widget = page(context(new Browser.NewContextOptions().setPermissions(List.of("microphone"))), "shopper");
        widget.setViewportSize(390, 844);
        widget.navigate(base + "/widget/demo");
        requestDialog(widget::getByTestId, "Alex", "Alex Doe", "alex.dialog@example.com", false);
        accept(console, "Alex");

        console.getByTestId("invite-to-contacts").click();
        Locator card = widget.getByTestId("contact-card");
        assertThat(card).isVisible();
        card.getByTestId("contact-card-address").fill("alex@example.com");
        card.getByTestId("contact-card-consent").check();
        card.getByTestId("contact-card-join").click();
        assertThat(widget.getByTestId("contact-card-done")).isVisible();

        // The confirmation leaves through the outbox to Vitrine's own mail server (demo mode).
        Api anna = Api.staff(port, "anna@demo.test", "demo-expert");
        String contactId = anna.get("/api/v1/contacts").body().get(0).path("id").asString();
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                Assertions.assertThat(anna.get("/api/v1/contacts/" + contactId + "/messages").body().get(0)
                        .path("state").asString()).as(() -> anna.get("/api/v1/contacts/" + contactId + "/messages").raw())
                        .isEqualTo("SENT"));

        Page inbox = page(context(new Browser.NewContextOptions().setViewportSize(390, 844)), "mailbox");
        inbox.navigate(base + "/demo/inbox?to=alex@example.com");
        inbox.getByText("Please confirm").first().click();
        String confirm = inbox.locator("ul.links a").filter(hasText("/api/v1/contacts/confirm/")).first().getAttribute("href");
        inbox.navigate(confirm);
        inbox.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Yes, keep me in touch")).click();
        assertThat(inbox.getByRole(com.microsoft.playwright.options.AriaRole.STATUS)).containsText("now in touch");

        console.getByTestId("open-contacts").click();
        Locator contact = console.getByTestId("contact-item").filter(hasText("Alex"));
        assertThat(contact).containsText("confirmed");
        contact.click();
        console.getByTestId("contact-composer").fill("Hello Alex, the blue one is back.");
        console.getByTestId("contact-send").click();
        assertThat(console.getByTestId("contact-message").filter(hasText("the blue one is back"))
                .getByTestId("contact-message-state")).containsText("sent");

        inbox.navigate(base + "/demo/inbox?to=alex@example.com");
        inbox.getByText("A message from Anna Expert").first().click();
        assertThat(inbox.locator("#mail-text")).containsText("the blue one is back");
        inbox.locator("#reply-text").fill("Great, I will come by on Saturday.");
        inbox.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Send reply")).click();
        assertThat(inbox.getByRole(com.microsoft.playwright.options.AriaRole.STATUS)).containsText("reply was sent");

        Locator reply = console.getByTestId("contact-message").filter(hasText("I will come by on Saturday"));
        assertThat(reply).isVisible();
        assertThat(reply).not().containsText("the blue one is back");
        assertThat(console.getByTestId("contact-thread")).not().containsText("alex@example.com");
    }

    @Test
    void shouldShowTheInviteLinkAsAQrCodeOnThePhone() {
        String base = "http://localhost:" + port;
        Page console = openExpertConsole(page(context(new Browser.NewContextOptions().setViewportSize(390, 844)), "expert"), base);

        console.getByTestId("open-contacts").click();
        console.getByTestId("contacts-invite").click();
        Locator link = console.getByTestId("contacts-invite-link").locator("a");
        assertThat(link).hasAttribute("href", java.util.regex.Pattern.compile("/contacts/join/"));
        Locator qr = console.getByTestId("contacts-invite-qr");
        assertThat(qr).isVisible();
        assertThat(qr).hasAttribute("alt", java.util.regex.Pattern.compile("QR code"));
        // The image really loaded (the expert's session fetched the SVG), and fits the phone's width.
        console.waitForFunction("img => img.complete && img.naturalWidth > 0", qr.elementHandle());
        Assertions.assertThat(qr.boundingBox().width).isBetween(100.0, 390.0);
    }

    private static Locator.FilterOptions hasText(String text) {
        return new Locator.FilterOptions().setHasText(text);
    }
}
