package io.vitrine.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The providers' webhooks over HTTP: signed ones become module events; unsigned, forged and replayed ones are refused. */
class ChannelWebhooksIntegrationTest extends ChannelsIntegrationTest {

    private static final String SHOPPER = "+4915112345678";
    private static final Duration EVENTS = Duration.ofSeconds(20);

    @Autowired
    JdbcClient jdbc;

    @Test
    void shouldPublishASignedInboundSmsAndRefuseUnsignedForgedAndReplayedOnes() {
        TwilioShop twilio = twilioShop();
        Shop shop = twilio.shop();
        String sid = twilio.accountSid();
        String proxy = twilio.number();
        String path = "/api/v1/channels/twilio/" + shop.slug() + "/messages";
        String messageSid = "SM" + sid.substring(2);
        var form = Webhooks.form("ToCountry", "US", "SmsMessageSid", messageSid, "NumMedia", "1", "MessageSid", messageSid,
                "AccountSid", sid, "From", SHOPPER, "To", proxy, "Body", "Is the blue one in M?",
                "MediaUrl0", "https://api.twilio.com/2010-04-01/Accounts/" + sid + "/Messages/MM1/Media/ME1",
                "MediaContentType0", "image/jpeg", "NumSegments", "1", "ApiVersion", "2010-04-01");

        assertThat(Webhooks.twilio(port, path, form, null, null).status()).as("unsigned").isEqualTo(403);
        assertThat(Webhooks.twilio(port, path, form, "another-token", PUBLIC_URL + path).status()).as("forged").isEqualTo(403);
        assertThat(Webhooks.twilio(port, path, form, TWILIO_AUTH_TOKEN, "http://localhost:" + port + path).status())
                .as("signed over another URL than the public one").isEqualTo(403);
        var tampered = new java.util.LinkedHashMap<>(form);
        tampered.put("Body", List.of("Send me your card number"));
        assertThat(Webhooks.twilioWithSignature(port, path, tampered,
                io.vitrine.channels.internal.TwilioSignature.sign(TWILIO_AUTH_TOKEN, PUBLIC_URL + path, form)).status())
                .as("body changed after signing").isEqualTo(403);
        assertThat(receipts(shop)).as("nothing of a refused request is stored").isZero();

        var accepted = Webhooks.twilio(port, path, form, TWILIO_AUTH_TOKEN, PUBLIC_URL + path);
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.body()).contains("<Response></Response>");
        var replayed = Webhooks.twilio(port, path, form, TWILIO_AUTH_TOKEN, PUBLIC_URL + path);
        assertThat(replayed.status()).as("replay").isEqualTo(403);
        assertThat(replayed.body()).contains("webhook_replayed");

        InboundMessage message = await().atMost(EVENTS).until(() -> inbound(shop), m -> m.size() == 1).getFirst();
        assertThat(message.channel()).isEqualTo(Channel.SMS);
        assertThat(message.from()).isEqualTo(SHOPPER);
        assertThat(message.to()).isEqualTo(proxy);
        assertThat(message.text()).isEqualTo("Is the blue one in M?");
        assertThat(message.mediaUrls()).containsExactly(form.get("MediaUrl0").getFirst());
        assertThat(message.providerId()).isEqualTo(messageSid);
        assertThat(receipts(shop)).isEqualTo(1);
    }

    @Test
    void shouldPublishTwilioStatusCallbacksWithTheFailureReason() {
        TwilioShop twilio = twilioShop();
        Shop shop = twilio.shop();
        String sid = twilio.accountSid();
        String proxy = twilio.number();
        String path = "/api/v1/channels/twilio/" + shop.slug() + "/status";
        String a = "SM" + accountSid().substring(2);
        String b = "SM" + accountSid().substring(2);

        for (String status : List.of("sent", "delivered")) {
            var form = Webhooks.form("MessageSid", a, "MessageStatus", status, "AccountSid", sid, "From", proxy, "To", SHOPPER);
            assertThat(Webhooks.twilio(port, path, form, TWILIO_AUTH_TOKEN, PUBLIC_URL + path).status()).isEqualTo(204);
        }
        var failed = Webhooks.form("MessageSid", b, "MessageStatus", "undelivered", "ErrorCode", "30007",
                "AccountSid", sid, "From", proxy, "To", SHOPPER);
        assertThat(Webhooks.twilio(port, path, failed, TWILIO_AUTH_TOKEN, PUBLIC_URL + path).status()).isEqualTo(204);
        assertThat(Webhooks.twilio(port, path, failed, TWILIO_AUTH_TOKEN, PUBLIC_URL + path).status()).isEqualTo(403);

        List<DeliveryStatusChanged> seen = await().atMost(EVENTS).until(() -> statuses(shop), s -> s.size() == 3);
        assertThat(seen).extracting(DeliveryStatusChanged::providerMessageId, DeliveryStatusChanged::state)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(a, DeliveryState.SENT),
                        org.assertj.core.groups.Tuple.tuple(a, DeliveryState.DELIVERED),
                        org.assertj.core.groups.Tuple.tuple(b, DeliveryState.FAILED));
        assertThat(seen).filteredOn(s -> s.providerMessageId().equals(b)).singleElement()
                .extracting(DeliveryStatusChanged::reason).isEqualTo("30007 Message filtered by the carrier");
    }

    @Test
    void shouldAnswerMetasHandshakeOnlyWithTheMerchantsVerifyToken() {
        Shop shop = whatsAppShop().shop();
        String path = "/api/v1/channels/whatsapp/" + shop.slug();

        var ok = Webhooks.get(port, path + "?hub.mode=subscribe&hub.verify_token=" + META_VERIFY_TOKEN + "&hub.challenge=1158201444");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("1158201444");
        assertThat(Webhooks.get(port, path + "?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1").status()).isEqualTo(403);
        assertThat(Webhooks.get(port, path + "?hub.mode=unsubscribe&hub.verify_token=" + META_VERIFY_TOKEN + "&hub.challenge=1").status())
                .isEqualTo(403);
        assertThat(Webhooks.get(port, "/api/v1/channels/whatsapp/no-such-shop?hub.mode=subscribe").status()).isEqualTo(404);
    }

    @Test
    void shouldPublishSignedWhatsAppMessagesAndStatusesAndRefuseUnsignedForgedAndReplayedOnes() {
        WhatsAppShop whatsApp = whatsAppShop();
        Shop shop = whatsApp.shop();
        String id = whatsApp.phoneNumberId();
        String business = whatsApp.number();
        String path = "/api/v1/channels/whatsapp/" + shop.slug();
        String notification = """
                {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{
                  "messaging_product":"whatsapp","metadata":{"display_phone_number":"%s","phone_number_id":"%s"},
                  "contacts":[{"profile":{"name":"Kerry Fisher"},"wa_id":"4915112345678"}],
                  "messages":[{"from":"4915112345678","id":"wamid.IN-%s","timestamp":"1764496800","type":"button",
                    "button":{"payload":"CONFIRM","text":"Yes, keep me posted"}}],
                  "statuses":[{"id":"wamid.OUT-%s","status":"failed","timestamp":"1764496801","recipient_id":"4915112345678",
                    "errors":[{"code":131047,"title":"Re-engagement message","message":"Re-engagement message",
                      "error_data":{"details":"Message failed to send because more than 24 hours have passed since the customer last replied to this number."}}]}]
                },"field":"messages"}]}]}""".formatted(business.substring(1), id, id, id);

        assertThat(Webhooks.meta(port, path, notification, null).status()).as("unsigned").isEqualTo(403);
        assertThat(Webhooks.meta(port, path, notification, "not-the-app-secret").status()).as("forged").isEqualTo(403);
        assertThat(receipts(shop)).isZero();
        assertThat(Webhooks.meta(port, path, notification, META_APP_SECRET).status()).isEqualTo(200);
        assertThat(Webhooks.meta(port, path, notification, META_APP_SECRET).status()).as("replay").isEqualTo(403);

        InboundMessage message = await().atMost(EVENTS).until(() -> inbound(shop), m -> m.size() == 1).getFirst();
        assertThat(message.channel()).isEqualTo(Channel.WHATSAPP);
        assertThat(message.from()).isEqualTo(SHOPPER);
        assertThat(message.to()).isEqualTo(business);
        assertThat(message.text()).as("a quick-reply button arrives as its payload").isEqualTo("CONFIRM");
        assertThat(message.at()).isEqualTo(java.time.Instant.ofEpochSecond(1764496800));
        DeliveryStatusChanged status = await().atMost(EVENTS).until(() -> statuses(shop), s -> s.size() == 1).getFirst();
        assertThat(status.state()).isEqualTo(DeliveryState.FAILED);
        assertThat(status.reason()).startsWith("131047 Re-engagement message: Message failed to send because more than 24 hours");
    }

    @Test
    void shouldNotLetOneMerchantsSecretsSignAnotherMerchantsWebhooks() {
        Shop shop = shop();
        Shop other = shop();
        setUpTwilio(shop.staff("admin"), accountSid(), "token-of-shop", number());
        String otherSid = accountSid();
        String otherNumber = number();
        setUpTwilio(other.staff("admin"), otherSid, "token-of-other", otherNumber);
        setUpWhatsApp(shop.staff("admin"), phoneNumberId(), number(), META_ACCESS_TOKEN, "secret-of-shop", META_VERIFY_TOKEN);
        String otherId = phoneNumberId();
        setUpWhatsApp(other.staff("admin"), otherId, number(), META_ACCESS_TOKEN, "secret-of-other", META_VERIFY_TOKEN);

        String path = "/api/v1/channels/twilio/" + shop.slug() + "/messages";
        var form = Webhooks.form("MessageSid", "SM" + accountSid().substring(2), "AccountSid", otherSid, "From", SHOPPER, "To", otherNumber, "Body", "hi");
        assertThat(Webhooks.twilio(port, path, form, "token-of-other", PUBLIC_URL + path).status()).isEqualTo(403);
        String metaPath = "/api/v1/channels/whatsapp/" + shop.slug();
        String json = """
                {"object":"whatsapp_business_account","entry":[{"changes":[{"field":"messages","value":{
                  "metadata":{"phone_number_id":"%s"},"messages":[{"from":"4915112345678","id":"wamid.X%s","timestamp":"1",
                  "type":"text","text":{"body":"hi"}}]}}]}]}""".formatted(otherId, otherId);
        assertThat(Webhooks.meta(port, metaPath, json, "secret-of-other").status()).isEqualTo(403);
        assertThat(Webhooks.meta(port, metaPath, json, "secret-of-shop").status())
                .as("signed by the shop, but for the other merchant's number: ignored").isEqualTo(200);
        assertThat(receipts(shop) + receipts(other)).isZero();
        assertThat(Webhooks.twilio(port, "/api/v1/channels/twilio/" + other.slug() + "/messages", form, "token-of-other",
                PUBLIC_URL + "/api/v1/channels/twilio/" + other.slug() + "/messages").status()).isEqualTo(200);
        await().atMost(EVENTS).until(() -> inbound(other), m -> m.size() == 1);
        assertThat(inbound(shop)).isEmpty();
    }

    private List<InboundMessage> inbound(Shop shop) {
        return events.inbound().stream().filter(m -> m.merchantId().equals(shop.merchant().id())).toList();
    }

    private List<DeliveryStatusChanged> statuses(Shop shop) {
        return events.statuses().stream().filter(m -> m.merchantId().equals(shop.merchant().id())).toList();
    }

    private int receipts(Shop shop) {
        return jdbc.sql("select count(*) from channel_webhook_receipt where merchant_id = ?").param(shop.merchant().id())
                .query(Integer.class).single();
    }
}
