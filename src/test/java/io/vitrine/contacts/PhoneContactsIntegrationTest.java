package io.vitrine.contacts;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.vitrine.support.Socket.type;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.vitrine.channels.Channel;
import io.vitrine.channels.DeliveryState;
import io.vitrine.channels.DeliveryStatusChanged;
import io.vitrine.channels.InboundMessage;
import io.vitrine.support.Api;
import io.vitrine.support.LiveStream;
import io.vitrine.support.Socket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Contacts over SMS and WhatsApp end to end: the invite card offers the merchant's phone channels, the confirmation
 * goes out through a loopback server answering as Twilio / the Cloud API, and the shopper's replies arrive as the
 * channels module publishes them (after verifying a webhook's signature).
 */
class PhoneContactsIntegrationTest extends ContactsIntegrationTest {

    static final WireMockServer PROVIDER = new WireMockServer(options().dynamicPort());
    private static final String TWILIO = "/2010-04-01/Accounts/[A-Za-z0-9]+/Messages\\.json";
    private static final String META = "/v[0-9.]+/[0-9]+/messages";
    private static final String SHOPPER = "+4915112345678";

    static {
        PROVIDER.start();
    }

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        registry.add("vitrine.channels.twilio.base-url", PROVIDER::baseUrl);
        registry.add("vitrine.channels.whatsapp.base-url", PROVIDER::baseUrl);
    }

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    private String sid;

    @BeforeEach
    void acceptEverything() {
        PROVIDER.resetAll();
        sid = "SM" + UUID.randomUUID().toString().replace("-", "");
        PROVIDER.stubFor(post(urlMatching(TWILIO)).atPriority(5).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"sid\":\"" + sid + "\",\"status\":\"queued\"}")));
        PROVIDER.stubFor(post(urlMatching(META)).atPriority(5).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"messaging_product\":\"whatsapp\",\"messages\":[{\"id\":\"wamid." + UUID.randomUUID() + "\"}]}")));
    }

    @Test
    void shouldConfirmByYesThreadRepliesAndStopSendingAfterStopOnSms() throws Exception {
        Shop shop = shop("anna");
        String proxy = number();
        assertThat(shop.staff("admin").put("/api/v1/channels/settings/twilio", Map.of("accountSid",
                "AC" + UUID.randomUUID().toString().replace("-", ""), "authToken", "twilio-auth-token",
                "numbers", List.of(proxy))).status()).isEqualTo(200);
        Api anna = shop.online("anna");
        String contactId = join(shop, anna, "SMS", "+49 151 1234 5678");

        eventually().until(() -> sms(SHOPPER).stream().anyMatch(text -> text.contains("Reply YES to confirm")));
        assertThat(state(anna, contactId)).isEqualTo("PENDING");
        inbound(shop, Channel.SMS, proxy, "Yes!");
        eventually().until(() -> "CONFIRMED".equals(state(anna, contactId)));

        var sent = anna.post("/api/v1/contacts/" + contactId + "/messages", Map.of("text", "The blue one is back."));
        assertThat(sent.status()).as(sent.raw()).isEqualTo(201);
        eventually().until(() -> sms(SHOPPER).contains("The blue one is back."));
        eventually().until(() -> stateOfMessage(anna, contactId, "The blue one is back.").equals("SENT"));
        transactions.executeWithoutResult(tx -> events.publishEvent(new DeliveryStatusChanged(shop.merchant().id(),
                Channel.SMS, sid, DeliveryState.DELIVERED, null)));
        eventually().until(() -> stateOfMessage(anna, contactId, "The blue one is back.").equals("DELIVERED"));

        inbound(shop, Channel.SMS, proxy, "Great, is there an M?");
        eventually().until(() -> thread(anna, contactId).stream().anyMatch(m ->
                m.path("direction").asString().equals("IN") && m.path("text").asString().equals("Great, is there an M?")));

        inbound(shop, Channel.SMS, "+15559999999", "Great, is there an M?");
        inbound(shop, Channel.SMS, proxy, "STOP");
        eventually().until(() -> "OPTED_OUT".equals(state(anna, contactId)));
        int before = sms(SHOPPER).size();
        var refused = anna.post("/api/v1/contacts/" + contactId + "/messages", Map.of("text", "Still there?"));
        assertThat(refused.status()).isEqualTo(409);
        outbox.sendDue();
        assertThat(sms(SHOPPER)).hasSize(before);
        assertThat(thread(anna, contactId).stream().filter(m -> m.path("direction").asString().equals("IN")))
                .as("a message to another number never reaches this thread").hasSize(1);

        inbound(shop, Channel.SMS, proxy, "start");
        eventually().until(() -> "CONFIRMED".equals(state(anna, contactId)));
    }

    @Test
    void shouldFailAWhatsAppMessageOutsideTheWindowWithThatReason() throws Exception {
        Shop shop = shop("anna");
        String business = number();
        assertThat(shop.staff("admin").put("/api/v1/channels/settings/whatsapp", Map.of("accessToken",
                "meta-access-token", "appSecret", "meta-app-secret", "verifyToken", "verify-me-please",
                "numbers", List.of(Map.of("phoneNumberId", "123456789012", "number", business)))).status())
                .isEqualTo(200);
        Api anna = shop.online("anna");
        String contactId = join(shop, anna, "WHATSAPP", SHOPPER);
        eventually().until(() -> PROVIDER.findAll(postRequestedFor(urlMatching(META))).stream()
                .anyMatch(r -> r.getBodyAsString().contains("\"template\"")));
        inbound(shop, Channel.WHATSAPP, business, "YES");
        eventually().until(() -> "CONFIRMED".equals(state(anna, contactId)));

        PROVIDER.stubFor(post(urlMatching(META)).atPriority(1).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"error":{"message":"(#131047) Re-engagement message","type":"OAuthException","code":131047,
                         "fbtrace_id":"Az8or2yhqkZfEZ-_4Qn_Bam"}}""")));
        assertThat(anna.post("/api/v1/contacts/" + contactId + "/messages", Map.of("text", "Hello again")).status())
                .isEqualTo(201);
        eventually().until(() -> stateOfMessage(anna, contactId, "Hello again").equals("FAILED"));
        JsonNode failed = thread(anna, contactId).stream()
                .filter(m -> m.path("text").asString().equals("Hello again")).findFirst().orElseThrow();
        assertThat(failed.path("failure").asString()).contains("outside the 24-hour window").contains("131047");
    }

    @Test
    void shouldRefuseFreeTextAndSendTheTemplateWhenTheWhatsAppWindowIsClosed() throws Exception {
        Shop shop = shop("anna");
        String business = number();
        String phoneNumberId = phoneNumberId();
        assertThat(shop.staff("admin").put("/api/v1/channels/settings/whatsapp", Map.of("accessToken",
                "meta-access-token", "appSecret", "meta-app-secret", "verifyToken", "verify-me-please",
                "numbers", List.of(Map.of("phoneNumberId", phoneNumberId, "number", business)))).status())
                .isEqualTo(200);
        Api anna = shop.online("anna");
        String contactId = join(shop, anna, "WHATSAPP", SHOPPER);
        // The shopper answers the opt-in template once it has reached their phone.
        eventually().until(() -> PROVIDER.findAll(postRequestedFor(urlMatching(META))).stream()
                .anyMatch(r -> r.getUrl().contains(phoneNumberId) && r.getBodyAsString().contains("\"template\"")));
        inbound(shop, Channel.WHATSAPP, business, "YES");
        eventually().until(() -> "CONFIRMED".equals(state(anna, contactId)));

        // The YES opened the window: free messages for 24 hours, and the staff API says until when, with no number.
        var open = anna.get("/api/v1/contacts/" + contactId);
        assertThat(open.body().path("serviceWindow").path("open").asBoolean()).isTrue();
        assertThat(open.body().path("serviceWindow").path("closesAt").asString()).isNotBlank();
        assertThat(open.raw()).doesNotContain(SHOPPER.substring(1)).doesNotContain(business.substring(1));

        // A day and more later the window is closed.
        jdbc.sql("update contact set confirmed_at = ? where id = ?")
                .params(java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusHours(25), UUID.fromString(contactId))
                .update();
        var closed = anna.get("/api/v1/contacts/" + contactId);
        assertThat(closed.body().path("serviceWindow").path("open").asBoolean()).isFalse();
        assertThat(closed.raw()).doesNotContain(SHOPPER.substring(1));

        var refused = anna.post("/api/v1/contacts/" + contactId + "/messages", Map.of("text", "Hello again"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().path("code").asString()).isEqualTo("outside_service_window");
        assertThat(refused.body().path("detail").asString())
                .startsWith("The 24-hour window is closed: only an approved template can be sent");
        var withProducts = anna.post("/api/v1/contacts/" + contactId + "/messages", Map.of("text", "Look",
                "productIds", List.of(UUID.randomUUID()), "template", true));
        assertThat(withProducts.status()).isEqualTo(400);

        var template = anna.post("/api/v1/contacts/" + contactId + "/messages",
                Map.of("text", "The autumn coats are in.\n\nShall I keep one for you?", "template", true));
        assertThat(template.status()).as(template.raw()).isEqualTo(201);
        assertThat(template.body().path("template").asBoolean()).isTrue();
        eventually().until(() -> stateOfMessage(anna, contactId, "The autumn coats are in.\n\nShall I keep one for you?")
                .equals("SENT"));
        JsonNode sent = Api.JSON.readTree(PROVIDER.findAll(postRequestedFor(urlMatching(META))).stream()
                .map(r -> r.getBodyAsString()).filter(b -> b.contains("vitrine_contact_message")).findFirst().orElseThrow());
        assertThat(sent.path("to").asString()).isEqualTo(SHOPPER.substring(1));
        assertThat(sent.path("type").asString()).isEqualTo("template");
        JsonNode parameters = sent.path("template").path("components").get(0).path("parameters");
        assertThat(parameters.get(0).path("text").asString()).startsWith("Anna Expert");
        assertThat(parameters.get(1).path("text").asString())
                .isEqualTo("The autumn coats are in. Shall I keep one for you?");
        assertThat(sent.path("template").path("components").size()).isEqualTo(1);

        // The shopper answers: the window opens again and free text goes.
        inbound(shop, Channel.WHATSAPP, business, "Yes please, size M");
        eventually().until(() -> anna.get("/api/v1/contacts/" + contactId).body().path("serviceWindow").path("open")
                .asBoolean());
        assertThat(anna.post("/api/v1/contacts/" + contactId + "/messages", Map.of("text", "Done, it waits for you"))
                .status()).isEqualTo(201);
    }

    private String join(Shop shop, Api expert, String channel, String address) throws Exception {
        LiveStream live = LiveStream.start(shop, expert, "Alex");
        try (Socket console = live.socket(expert); Socket widget = live.socket(live.host)) {
            console.send(Map.of("type", "inviteToContacts", "dialogId", live.id));
            JsonNode card = widget.await(type("contactInvite"));
            assertThat(strings(card.path("channels"))).contains("EMAIL", channel);
            var joined = live.host.post("/api/v1/widget/me/contact-invites/" + card.path("inviteId").asString(),
                    Map.of("channel", channel, "address", address, "consent", true));
            assertThat(joined.status()).as(joined.raw()).isEqualTo(201);
            return joined.body().path("contactId").asString();
        }
    }

    private void inbound(Shop shop, Channel channel, String to, String text) {
        transactions.executeWithoutResult(tx -> events.publishEvent(new InboundMessage(shop.merchant().id(), channel,
                SHOPPER, to, text, List.of(), "SM" + UUID.randomUUID().toString().replace("-", ""), Instant.now())));
    }

    private static String state(Api expert, String contactId) {
        return expert.get("/api/v1/contacts/" + contactId).body().path("state").asString();
    }

    private static List<JsonNode> thread(Api expert, String contactId) {
        List<JsonNode> messages = new java.util.ArrayList<>();
        expert.get("/api/v1/contacts/" + contactId + "/messages").body().forEach(messages::add);
        return messages;
    }

    private static String stateOfMessage(Api expert, String contactId, String text) {
        return thread(expert, contactId).stream().filter(m -> m.path("text").asString().equals(text))
                .map(m -> m.path("state").asString()).findFirst().orElse("");
    }

    /** The texts Twilio was asked to send to the number. */
    private static List<String> sms(String to) {
        return PROVIDER.findAll(postRequestedFor(urlMatching(TWILIO))).stream().map(r -> r.getBodyAsString())
                .filter(body -> body.contains("To=%2B" + to.substring(1)))
                .map(body -> URLDecoder.decode(body.replaceAll(".*(^|&)Body=([^&]*).*", "$2"), StandardCharsets.UTF_8))
                .toList();
    }

    private static String phoneNumberId() {
        return String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000_000L, 999_999_999_999L));
    }

    private static String number() {
        return "+1555" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
    }
}
