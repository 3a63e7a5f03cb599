package io.vitrine.channels;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.http.Fault;
import io.vitrine.channels.ChannelFailure.Reason;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The adapters against a loopback server answering as Twilio's Messaging API and Meta's Cloud API document it. */
class ChannelGatewaysIntegrationTest extends ChannelsIntegrationTest {

    private static final String SHOPPER = "+4915112345678";

    @Autowired
    SmsGateway sms;

    @Autowired
    WhatsAppGateway whatsapp;

    @Test
    void shouldSendAnSmsThroughTwiliosMessagingApiOnlyOncePerIdempotencyKey() {
        TwilioShop twilio = twilioShop();
        Shop shop = twilio.shop();
        String sid = twilio.accountSid();
        String proxy = twilio.number();
        String path = "/2010-04-01/Accounts/" + sid + "/Messages.json";
        PROVIDER.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(twilioMessage("SM1f0e8ae6ade43cb3c0ce4525424e404f", proxy))));

        ProviderMessage sent = sms.send(shop.merchant().id(), proxy, SHOPPER, "Your jacket is back in stock ✓", "msg-1");
        ProviderMessage again = sms.send(shop.merchant().id(), proxy, SHOPPER, "Your jacket is back in stock ✓", "msg-1");

        assertThat(sent).isEqualTo(new ProviderMessage("SM1f0e8ae6ade43cb3c0ce4525424e404f", DeliveryState.QUEUED));
        assertThat(again).isEqualTo(sent);
        PROVIDER.verify(1, postRequestedFor(urlEqualTo(path))
                .withHeader("Authorization", equalTo("Basic " + Base64.getEncoder()
                        .encodeToString((sid + ":" + TWILIO_AUTH_TOKEN).getBytes(StandardCharsets.UTF_8))))
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withFormParam("To", equalTo(SHOPPER))
                .withFormParam("From", equalTo(proxy))
                .withFormParam("Body", equalTo("Your jacket is back in stock ✓"))
                .withFormParam("StatusCallback", equalTo(PUBLIC_URL + "/api/v1/channels/twilio/" + shop.slug() + "/status")));
    }

    @Test
    void shouldTurnTwiliosDocumentedErrorsIntoTypedFailuresWithTheProvidersReason() {
        TwilioShop twilio = twilioShop();
        Shop shop = twilio.shop();
        String sid = twilio.accountSid();
        String proxy = twilio.number();
        String path = "/2010-04-01/Accounts/" + sid + "/Messages.json";

        PROVIDER.stubFor(post(urlEqualTo(path)).willReturn(twilioError(400, 21610, "Attempt to send to unsubscribed recipient")));
        ChannelFailure unsubscribed = sendSmsExpectingFailure(shop, proxy, "k-1");
        assertThat(unsubscribed.reason()).isEqualTo(Reason.RECIPIENT_OPTED_OUT);
        assertThat(unsubscribed.providerCode()).isEqualTo("21610");
        assertThat(unsubscribed.providerReason()).isEqualTo("Attempt to send to unsubscribed recipient");
        assertThat(unsubscribed.retryable()).isFalse();

        PROVIDER.stubFor(post(urlEqualTo(path)).willReturn(twilioError(400, 21211,
                "The 'To' number +4915112345678 is not a valid phone number.")));
        assertThat(sendSmsExpectingFailure(shop, proxy, "k-2").reason()).isEqualTo(Reason.INVALID_RECIPIENT);

        PROVIDER.stubFor(post(urlEqualTo(path)).willReturn(twilioError(401, 20003, "Authenticate")));
        assertThat(sendSmsExpectingFailure(shop, proxy, "k-3").reason()).isEqualTo(Reason.NOT_CONFIGURED);

        PROVIDER.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(503)));
        ChannelFailure down = sendSmsExpectingFailure(shop, proxy, "k-4");
        assertThat(down.reason()).isEqualTo(Reason.UNAVAILABLE);
        assertThat(down.retryable()).isTrue();

        PROVIDER.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertThat(sendSmsExpectingFailure(shop, proxy, "k-5").retryable()).isTrue();

        PROVIDER.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(twilioMessage("SM00000000000000000000000000000004", proxy))));
        assertThat(sms.send(shop.merchant().id(), proxy, SHOPPER, "hello", "k-4").id())
                .as("a failed send left no record: the retry goes out").isEqualTo("SM00000000000000000000000000000004");
    }

    @Test
    void shouldRefuseToSendFromANumberOrAccountTheMerchantDoesNotHave() {
        Shop shop = shop();
        Shop other = shop();
        String proxy = number();
        setUpTwilio(other.staff("admin"), accountSid(), TWILIO_AUTH_TOKEN, proxy);

        ChannelFailure noAccount = catchThrowableOfType(ChannelFailure.class,
                () -> sms.send(shop.merchant().id(), proxy, SHOPPER, "hi", "x"));
        assertThat(noAccount.reason()).isEqualTo(Reason.NOT_CONFIGURED);
        setUpTwilio(shop.staff("admin"), accountSid(), TWILIO_AUTH_TOKEN, number());
        ChannelFailure notTheirs = catchThrowableOfType(ChannelFailure.class,
                () -> sms.send(shop.merchant().id(), proxy, SHOPPER, "hi", "y"));
        assertThat(notTheirs.reason()).isEqualTo(Reason.NOT_CONFIGURED);
        assertThat(notTheirs.providerReason()).contains("not one of the merchant's Twilio numbers");
        assertThat(PROVIDER.getAllServeEvents()).isEmpty();
    }

    @Test
    void shouldSendWhatsAppTextTemplatesAndImageCardsAsTheCloudApiDocumentsThem() {
        WhatsAppShop whatsApp = whatsAppShop();
        Shop shop = whatsApp.shop();
        String id = whatsApp.phoneNumberId();
        String business = whatsApp.number();
        String path = "/v21.0/" + id + "/messages";
        PROVIDER.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"messaging_product":"whatsapp","contacts":[{"input":"4915112345678","wa_id":"4915112345678"}],
                         "messages":[{"id":"wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI3N0EyQUJDMjFEQkZFOUE3MEEA","message_status":"accepted"}]}""")));
        UUID merchant = shop.merchant().id();

        ProviderMessage text = whatsapp.sendText(merchant, business, SHOPPER, "Hello from Anna", "w-1");
        whatsapp.sendTemplate(merchant, business, SHOPPER,
                new WhatsAppGateway.Template("contact_opt_in", "en", List.of("Anna", "Demo Store"), "CONFIRM"), "w-2");
        whatsapp.sendImageCta(merchant, business, SHOPPER, new WhatsAppGateway.ImageCta("https://shop.test/p/1.jpg",
                "Linen shirt, 45.50 EUR", "View", "https://shop.test/s/abc"), "w-3");

        assertThat(text).isEqualTo(new ProviderMessage("wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI3N0EyQUJDMjFEQkZFOUE3MEEA",
                DeliveryState.QUEUED));
        PROVIDER.verify(postRequestedFor(urlEqualTo(path)).withHeader("Authorization", equalTo("Bearer " + META_ACCESS_TOKEN))
                .withRequestBody(equalToJson("""
                        {"messaging_product":"whatsapp","recipient_type":"individual","to":"4915112345678","type":"text",
                         "text":{"preview_url":true,"body":"Hello from Anna"}}""")));
        PROVIDER.verify(postRequestedFor(urlEqualTo(path)).withRequestBody(equalToJson("""
                {"messaging_product":"whatsapp","recipient_type":"individual","to":"4915112345678","type":"template",
                 "template":{"name":"contact_opt_in","language":{"code":"en"},"components":[
                   {"type":"body","parameters":[{"type":"text","text":"Anna"},{"type":"text","text":"Demo Store"}]},
                   {"type":"button","sub_type":"quick_reply","index":"0","parameters":[{"type":"payload","payload":"CONFIRM"}]}]}}""")));
        PROVIDER.verify(postRequestedFor(urlEqualTo(path)).withRequestBody(equalToJson("""
                {"messaging_product":"whatsapp","recipient_type":"individual","to":"4915112345678","type":"interactive",
                 "interactive":{"type":"cta_url","header":{"type":"image","image":{"link":"https://shop.test/p/1.jpg"}},
                   "body":{"text":"Linen shirt, 45.50 EUR"},
                   "action":{"name":"cta_url","parameters":{"display_text":"View","url":"https://shop.test/s/abc"}}}}""")));
    }

    @Test
    void shouldTurnMetasReEngagementAndOptOutErrorsIntoTypedFailures() {
        WhatsAppShop whatsApp = whatsAppShop();
        Shop shop = whatsApp.shop();
        String id = whatsApp.phoneNumberId();
        String business = whatsApp.number();
        String path = "/v21.0/" + id + "/messages";

        PROVIDER.stubFor(post(urlEqualTo(path)).willReturn(metaError(400, 131047, "Re-engagement message",
                "Message failed to send because more than 24 hours have passed since the customer last replied to this number.")));
        ChannelFailure window = catchThrowableOfType(ChannelFailure.class,
                () -> whatsapp.sendText(shop.merchant().id(), business, SHOPPER, "Still there?", "w-1"));
        assertThat(window.reason()).isEqualTo(Reason.OUTSIDE_SERVICE_WINDOW);
        assertThat(window.providerCode()).isEqualTo("131047");
        assertThat(window.providerReason()).contains("Re-engagement message").contains("more than 24 hours");

        PROVIDER.stubFor(post(urlEqualTo(path)).willReturn(metaError(400, 131050, "Unable to deliver the message",
                "This recipient has chosen to stop receiving marketing messages on WhatsApp from your business.")));
        ChannelFailure optedOut = catchThrowableOfType(ChannelFailure.class,
                () -> whatsapp.sendText(shop.merchant().id(), business, SHOPPER, "New arrivals", "w-2"));
        assertThat(optedOut.reason()).isEqualTo(Reason.RECIPIENT_OPTED_OUT);

        PROVIDER.stubFor(post(urlEqualTo(path)).willReturn(metaError(400, 130429, "Rate limit hit", "")));
        assertThat(catchThrowableOfType(ChannelFailure.class,
                () -> whatsapp.sendText(shop.merchant().id(), business, SHOPPER, "x", "w-3")).retryable()).isTrue();
    }

    private ChannelFailure sendSmsExpectingFailure(Shop shop, String proxy, String key) {
        return catchThrowableOfType(ChannelFailure.class, () -> sms.send(shop.merchant().id(), proxy, SHOPPER, "hello", key));
    }

    private static String twilioMessage(String sid, String from) {
        return """
                {"account_sid":"ACXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX","api_version":"2010-04-01","body":"Your jacket is back in stock",
                 "date_created":"Mon, 30 Nov 2026 10:00:00 +0000","direction":"outbound-api","error_code":null,
                 "error_message":null,"from":"%s","num_media":"0","num_segments":"1","price":null,"sid":"%s",
                 "status":"queued","to":"+4915112345678","uri":"/2010-04-01/Accounts/AC/Messages/%s.json"}"""
                .formatted(from, sid, sid);
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder twilioError(int status, int code, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody("""
                {"code": %d, "message": "%s", "more_info": "https://www.twilio.com/docs/errors/%d", "status": %d}"""
                .formatted(code, message, code, status));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder metaError(int status, int code,
            String message, String details) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody("""
                {"error":{"message":"(#%d) %s","type":"OAuthException","code":%d,
                 "error_data":{"messaging_product":"whatsapp","details":"%s"},"fbtrace_id":"AbCdEf123"}}"""
                .formatted(code, message, code, details));
    }
}
