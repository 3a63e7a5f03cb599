package io.vitrine.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.vitrine.browser.DialogSteps.ADMIN_EMAIL;
import static io.vitrine.browser.DialogSteps.ADMIN_PASSWORD;
import static io.vitrine.browser.DialogSteps.accept;
import static io.vitrine.browser.DialogSteps.expertOnline;
import static io.vitrine.browser.DialogSteps.openExpertConsole;
import static io.vitrine.browser.DialogSteps.requestDialog;
import static io.vitrine.browser.DialogSteps.signIn;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.vitrine.support.Api;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Contacts over SMS and WhatsApp in real browsers, in demo mode: the real Twilio and WhatsApp adapters send to the
 * demo providers, and {@code /demo/phone} is the shopper's phone that answers through the signed webhooks.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:phone-contacts-browser;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "vitrine.demo=true",
        "vitrine.contacts.outbox.poll-interval=200ms"
})
class PhoneContactsBrowserTest extends ChromiumTest {

    private static final Pattern BUSINESS_NUMBER = Pattern.compile("\\+1555\\d{7}");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void shouldInviteFromALiveDialogAndConfirmBySmsWithoutTheExpertSeeingTheNumber() {
        String base = "http://localhost:" + port;
        Page console = expertOnline(expertPage(), base);

        Page widget = page(context(new Browser.NewContextOptions().setPermissions(List.of("microphone"))), "shopper");
        widget.setViewportSize(390, 844);
        widget.navigate(base + "/widget/demo");
        requestDialog(widget::getByTestId, "Sam", "Sam Doe", "sam.dialog@example.com", false);
        accept(console, "Sam");

        console.getByTestId("invite-to-contacts").click();
        Locator card = widget.getByTestId("contact-card");
        assertThat(card).isVisible();
        card.getByTestId("contact-card-channel").selectOption("SMS");
        card.getByTestId("contact-card-address").fill("+49 151 2345 6789");
        card.getByTestId("contact-card-consent").check();
        card.getByTestId("contact-card-join").click();
        assertThat(widget.getByTestId("contact-card-done")).isVisible();

        // The shopper's phone gets the double opt-in SMS from the expert's proxy number and answers YES.
        Page phone = shopperPhone(base, "+4915123456789");
        Locator request = phone.getByTestId("phone-message").filter(hasText("Reply YES to confirm"));
        assertThat(request).isVisible();
        String proxy = businessNumber(request.innerText());
        phone.getByTestId("phone-to").selectOption("SMS " + proxy);
        phone.getByTestId("phone-text").fill("YES");
        phone.getByTestId("phone-send").click();
        assertThat(phone.getByTestId("phone-error")).isHidden();
        awaitConfirmed("Sam");

        console.getByTestId("open-contacts").click();
        Locator contact = console.getByTestId("contact-item").filter(hasText("Sam"));
        assertThat(contact).containsText("confirmed");
        contact.click();
        assertThat(console.getByTestId("contact-state")).containsText("SMS");
        assertThat(console.getByTestId("contact-state")).containsText("confirmed");
        // Not one form of the shopper's number anywhere on the expert's page: text, attributes or scripts' data.
        String html = console.content();
        Assertions.assertThat(List.of("4915123456789", "151 2345 6789", "1512345", "23456789"))
                .allSatisfy(form -> Assertions.assertThat(html).doesNotContain(form));
    }

    @Test
    void shouldOfferTheTemplateWhenTheWhatsAppWindowIsClosed() {
        String base = "http://localhost:" + port;
        Api anna = Api.staff(port, "anna@demo.test", "demo-expert");
        String url = anna.post("/api/v1/contacts/invites", null).body().path("url").asString();
        String token = url.substring(url.lastIndexOf('/') + 1);
        var joined = Api.anonymous(port).post("/api/v1/widget/contact-invites/" + token, Map.of("screenName", "Wanda",
                "channel", "WHATSAPP", "address", "+44 7700 900123", "consent", true));
        Assertions.assertThat(joined.status()).as(joined.raw()).isEqualTo(201);
        String contactId = joined.body().path("contactId").asString();

        // The opt-in template arrives with its quick-reply button; pressing it confirms and opens the window.
        Page phone = shopperPhone(base, "+447700900123");
        phone.getByTestId("phone-quick-reply").first().click();
        assertThat(phone.getByTestId("phone-error")).isHidden();
        awaitConfirmed("Wanda");

        Page console = openExpertConsole(expertPage(), base);
        console.getByTestId("open-contacts").click();
        console.getByTestId("contact-item").filter(hasText("Wanda")).click();
        assertThat(console.getByTestId("contact-state")).containsText("confirmed");
        assertThat(console.getByTestId("contact-window-open")).isVisible();
        assertThat(console.getByTestId("contact-window-closed")).hasCount(0);

        // A day and more later: the console says so and sends the text as the approved template.
        jdbc.sql("update contact set confirmed_at = ? where id = ?")
                .params(OffsetDateTime.now(ZoneOffset.UTC).minusHours(25), UUID.fromString(contactId)).update();
        console.reload();
        console.waitForSelector("body[data-ready]");
        console.getByTestId("open-contacts").click();
        console.getByTestId("contact-item").filter(hasText("Wanda")).click();
        assertThat(console.getByTestId("contact-window-closed"))
                .containsText("The 24-hour window is closed: only an approved template can be sent");
        assertThat(console.getByTestId("contact-product-query")).hasCount(0);
        assertThat(console.getByTestId("contact-send")).hasText("Send as template");
        console.getByTestId("contact-composer").fill("Your coat is ready for pick-up.");
        console.getByTestId("contact-send").click();
        Locator sent = console.getByTestId("contact-message").filter(hasText("Your coat is ready"));
        assertThat(sent.getByTestId("contact-message-template")).isVisible();
        assertThat(sent.getByTestId("contact-message-state")).containsText(Pattern.compile("sent|delivered"));

        Locator template = phone.getByTestId("phone-message").filter(hasText("vitrine_contact_message"));
        assertThat(template).isVisible();
        Assertions.assertThat(console.content()).doesNotContain("7700900123").doesNotContain("7700 900123");
    }

    @Test
    void shouldSetTheShopsReplyDomainInTheDashboard() {
        String base = "http://localhost:" + port;
        Page dashboard = page(context(new Browser.NewContextOptions().setViewportSize(390, 844)), "admin");
        signIn(dashboard, base, ADMIN_EMAIL, ADMIN_PASSWORD);
        dashboard.navigate(base + "/admin");
        Locator form = dashboard.getByTestId("reply-domain-form");
        assertThat(form).hasAttribute("aria-busy", "false");
        assertThat(form.getByTestId("reply-domain-default")).hasText("reply.demo.test");

        clientErrors.allow("HTTP 400 PUT " + base + "/api/v1/contacts/reply-domain");
        form.getByTestId("reply-domain").fill("https://reply.example.com");
        form.getByTestId("reply-domain-save").click();
        assertThat(form.locator("#cr-replyDomain-error")).containsText("host name like reply.example.com");

        form.getByTestId("reply-domain").fill("Reply.Demo-Shop.test");
        form.getByTestId("reply-domain-save").click();
        assertThat(form.getByTestId("reply-domain-status")).not().isEmpty();
        assertThat(form.getByTestId("reply-domain")).hasValue("reply.demo-shop.test");
        // Back to the default, so the other tests of this class keep the demo's domain.
        form.getByTestId("reply-domain").fill("");
        form.getByTestId("reply-domain-save").click();
        assertThat(form.getByTestId("reply-domain")).hasValue("");
        assertThat(dashboard.getByTestId("reply-domain-error")).isHidden();
    }

    private void awaitConfirmed(String screenName) {
        Api anna = Api.staff(port, "anna@demo.test", "demo-expert");
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                java.util.stream.StreamSupport.stream(anna.get("/api/v1/contacts").body().spliterator(), false)
                        .anyMatch(c -> c.path("screenName").asString().equals(screenName)
                                && c.path("state").asString().equals("CONFIRMED")));
    }

    private Page expertPage() {
        return page(context(new Browser.NewContextOptions()), "expert");
    }

    private Page shopperPhone(String base, String number) {
        Page phone = page(context(new Browser.NewContextOptions().setViewportSize(390, 844)), "phone");
        phone.navigate(base + "/demo/phone");
        phone.waitForSelector("body[data-ready]");
        phone.getByTestId("phone-number").fill(number);
        phone.getByTestId("phone-number-form").locator("button[type=submit]").click();
        return phone;
    }

    private static String businessNumber(String bubble) {
        Matcher matcher = BUSINESS_NUMBER.matcher(bubble);
        Assertions.assertThat(matcher.find()).as("a business number in %s", bubble).isTrue();
        return matcher.group();
    }

    private static Locator.FilterOptions hasText(String text) {
        return new Locator.FilterOptions().setHasText(text);
    }
}
