package io.vitrine.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.vitrine.browser.DialogSteps.ADMIN_EMAIL;
import static io.vitrine.browser.DialogSteps.ADMIN_PASSWORD;
import static io.vitrine.browser.DialogSteps.signIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.vitrine.channels.Channel;
import io.vitrine.channels.ChannelFailure;
import io.vitrine.channels.ChannelsApi;
import io.vitrine.channels.DeliveryState;
import io.vitrine.channels.RecordedChannelEvents;
import io.vitrine.channels.SmsGateway;
import io.vitrine.channels.WhatsAppGateway;
import io.vitrine.merchant.MerchantApi;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Demo mode without any provider account: the real Twilio and Cloud API adapters send to the demo provider inside
 * Vitrine, the shopper reads and answers on /demo/phone (a phone-sized page), and the answers come back through the
 * real webhooks with valid signatures.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:demo-phone;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "vitrine.demo=true",
        "vitrine.test.record-channel-events=true"
})
class DemoPhoneBrowserTest extends ChromiumTest {

    private static final Duration EVENTS = Duration.ofSeconds(30);
    private static final LocatorAssertions.HasCountOptions WAIT = new LocatorAssertions.HasCountOptions().setTimeout(30_000);

    @LocalServerPort
    int port;

    @Autowired
    MerchantApi merchants;

    @Autowired
    ChannelsApi channels;

    @Autowired
    SmsGateway sms;

    @Autowired
    WhatsAppGateway whatsapp;

    @Autowired
    RecordedChannelEvents events;

    @Test
    void shopperReadsAnSmsOnTheDemoPhoneAnswersAndStopEndsTheMessages() {
        UUID demo = merchants.requireBySlug("demo").id();
        String proxy = channels.numbers(demo, Channel.SMS).getFirst();
        String shopper = "+1555" + (1_000_000 + (int) (Math.random() * 8_999_999));

        var sent = sms.send(demo, proxy, shopper, "Hi, it's Anna from Demo Store: the linen shirt is back.", "demo-1-" + shopper);
        Page phone = phone(shopper);
        Locator messages = phone.getByTestId("phone-message");
        assertThat(messages).hasCount(1, WAIT);
        assertThat(messages.first()).containsText("the linen shirt is back");
        assertThat(messages.first()).hasAttribute("data-status", "delivered", new LocatorAssertions.HasAttributeOptions().setTimeout(30_000));
        await().atMost(EVENTS).until(() -> events.statuses().stream()
                .anyMatch(s -> s.providerMessageId().equals(sent.id()) && s.state() == DeliveryState.DELIVERED));

        phone.getByTestId("phone-to").selectOption("SMS " + proxy);
        phone.getByTestId("phone-text").fill("Great, in M please!");
        phone.getByTestId("phone-send").click();
        assertThat(messages).hasCount(2, WAIT);
        assertThat(messages.nth(1)).hasAttribute("data-status", "received");
        var reply = await().atMost(EVENTS).until(() -> events.inbound().stream()
                .filter(m -> m.from().equals(shopper)).toList(), list -> list.size() == 1).getFirst();
        assertThat(reply.to()).isEqualTo(proxy);
        assertThat(reply.text()).isEqualTo("Great, in M please!");

        phone.getByTestId("phone-text").fill("STOP");
        phone.getByTestId("phone-send").click();
        assertThat(messages).hasCount(3, WAIT);
        ChannelFailure refused = catchThrowableOfType(ChannelFailure.class,
                () -> sms.send(demo, proxy, shopper, "One more thing…", "demo-2-" + shopper));
        assertThat(refused.reason()).isEqualTo(ChannelFailure.Reason.RECIPIENT_OPTED_OUT);
        assertThat(refused.providerCode()).isEqualTo("21610");
    }

    @Test
    void shopperConfirmsAWhatsAppOptInWithTheQuickReplyAndTheWindowDecidesWhatReachesThem() {
        UUID demo = merchants.requireBySlug("demo").id();
        String business = channels.numbers(demo, Channel.WHATSAPP).getFirst();
        String shopper = "+1555" + (1_000_000 + (int) (Math.random() * 8_999_999));

        var early = whatsapp.sendText(demo, business, shopper, "Hello before any message of yours", "wa-0-" + shopper);
        await().atMost(EVENTS).until(() -> events.statuses().stream()
                .anyMatch(s -> s.providerMessageId().equals(early.id()) && s.state() == DeliveryState.FAILED
                        && s.reason() != null && s.reason().startsWith("131047")));
        whatsapp.sendTemplate(demo, business, shopper,
                new WhatsAppGateway.Template("contact_opt_in", "en", List.of("Anna", "Demo Store"), "CONFIRM"), "wa-1-" + shopper);

        Page phone = phone(shopper);
        Locator messages = phone.getByTestId("phone-message");
        assertThat(messages).hasCount(2, WAIT);
        assertThat(messages.first()).hasAttribute("data-status", "failed");
        assertThat(messages.nth(1)).containsText("contact_opt_in");
        phone.getByTestId("phone-quick-reply").click();
        var confirm = await().atMost(EVENTS).until(() -> events.inbound().stream()
                .filter(m -> m.from().equals(shopper)).toList(), list -> list.size() == 1).getFirst();
        assertThat(confirm.channel()).isEqualTo(Channel.WHATSAPP);
        assertThat(confirm.text()).isEqualTo("CONFIRM");

        whatsapp.sendImageCta(demo, business, shopper, new WhatsAppGateway.ImageCta("http://localhost:" + port + "/favicon.svg",
                "Linen shirt · 45.50 EUR", "View", "http://localhost:" + port + "/demo"), "wa-2-" + shopper);
        assertThat(messages).hasCount(4, WAIT);
        assertThat(messages.nth(3)).containsText("Linen shirt");
        assertThat(messages.nth(3)).hasAttribute("data-status", "delivered", new LocatorAssertions.HasAttributeOptions().setTimeout(30_000));
    }

    @Test
    void adminSeesTheNumbersAndWebhookUrlsButNeverASecretOnTheChannelsPage() {
        var context = context(new Browser.NewContextOptions().setViewportSize(390, 844));
        Page page = page(context, "admin");
        signIn(page, "http://localhost:" + port, ADMIN_EMAIL, ADMIN_PASSWORD);
        page.navigate("http://localhost:" + port + "/admin/channels");
        page.waitForSelector("body[data-ready]");

        assertThat(page.getByTestId("twilio-numbers")).hasValue(java.util.regex.Pattern.compile("^\\+15550100100\n\\+15550100101"));
        assertThat(page.getByTestId("twilio-token")).hasValue("");
        assertThat(page.getByTestId("twilio-token-state")).containsText("Stored encrypted");
        assertThat(page.getByTestId("whatsapp-numbers")).hasValue(java.util.regex.Pattern.compile("^[0-9]+ \\+15550100200$"));
        assertThat(page.getByTestId("hook-whatsapp")).hasText("http://localhost:" + port + "/api/v1/channels/whatsapp/demo");

        page.getByTestId("twilio-numbers").fill("+15550100100\n+15550100101\n+15550100102");
        page.getByTestId("twilio-save").click();
        assertThat(page.getByTestId("twilio-status")).hasText("Settings saved.");
        UUID demo = merchants.requireBySlug("demo").id();
        assertThat(channels.numbers(demo, Channel.SMS)).containsExactly("+15550100100", "+15550100101", "+15550100102");
        clientErrors.allow("HTTP 400 PUT http://localhost:" + port + "/api/v1/channels/settings/twilio");
        page.getByTestId("twilio-numbers").fill("0170 1234567");
        page.getByTestId("twilio-save").click();
        assertThat(page.getByTestId("twilio-error")).isVisible();
        assertThat(page.getByTestId("twilio-error")).containsText("format");
        assertThat(channels.numbers(demo, Channel.SMS)).hasSize(3);
    }

    private Page phone(String shopper) {
        var context = context(new Browser.NewContextOptions().setViewportSize(390, 844));
        Page phone = page(context, "phone");
        phone.navigate("http://localhost:" + port + "/demo/phone");
        phone.waitForSelector("body[data-ready]");
        phone.getByTestId("phone-number").fill(shopper);
        phone.getByTestId("phone-number").press("Enter");
        return phone;
    }
}
