package io.vitrine.contacts.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.vitrine.contacts.ChannelAdapter;
import io.vitrine.contacts.SendResult;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The SMS adapter through the Twilio gateway. */
class SmsChannelContractTest extends PhoneChannelContractTest {

    @Autowired
    SmsChannel sms;

    @Override
    public ChannelAdapter adapter() {
        return sms;
    }

    @Override
    void setUp(Shop shop) {
        assertThat(shop.staff("admin").put("/api/v1/channels/settings/twilio", Map.of("accountSid",
                "AC" + UUID.randomUUID().toString().replace("-", ""), "authToken", "twilio-auth-token",
                "numbers", pool)).status()).isEqualTo(200);
    }

    @Override
    String sendPath() {
        return "/2010-04-01/Accounts/[A-Za-z0-9]+/Messages\\.json";
    }

    @Override
    ResponseDefinitionBuilder accepted() {
        return aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody("""
                {"sid":"SM%s","status":"queued","from":"+15550000000","to":"+4915112345678"}"""
                .formatted(UUID.randomUUID().toString().replace("-", "")));
    }

    @Override
    public List<String> receivedBy(String address) {
        return bodies(sendPath()).stream().map(SmsChannelContractTest::form)
                .filter(form -> address.equals(form.get("To"))).map(form -> form.get("Body")).toList();
    }

    @Test
    void shouldMarkTheContactOptedOutWhenTwilioSaysTheRecipientUnsubscribed() {
        PROVIDER.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
                com.github.tomakehurst.wiremock.client.WireMock.urlMatching(sendPath())).atPriority(1)
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody("""
                        {"code": 21610, "message": "Attempt to send to unsubscribed recipient", "status": 400}""")));
        assertThat(sms.send(message(canonicalAddress(), "Hello"))).isInstanceOfSatisfying(SendResult.OptedOut.class,
                opted -> assertThat(opted.reason()).contains("21610"));
    }

    @Test
    void shouldAskToReplyYesInTheConfirmationRequestOnly() {
        var plain = message(canonicalAddress(), "Hello there");
        var confirmation = new io.vitrine.contacts.OutboundMessage(plain.merchantId(), plain.contactId(),
                plain.channel(), plain.to(), plain.from(), plain.fromName(), plain.replyTo(), plain.subject(),
                "Anna would like to keep in touch.", List.of(), "<" + UUID.randomUUID() + "@t>", null, List.of(),
                null, "Yes, keep me in touch", "https://vitrine.example/c/1");
        assertThat(sms.send(confirmation)).isInstanceOf(SendResult.Sent.class);
        assertThat(sms.send(plain)).isInstanceOf(SendResult.Sent.class);
        assertThat(receivedBy(canonicalAddress())).anyMatch(text -> text.startsWith("Anna would like")
                && text.contains("Reply YES to confirm")).noneMatch(text -> text.startsWith("Hello there")
                && text.contains("Reply YES"));
    }

    private static Map<String, String> form(String body) {
        return Arrays.stream(body.split("&")).map(pair -> pair.split("=", 2)).collect(Collectors.toMap(
                pair -> URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                pair -> pair.length < 2 ? "" : URLDecoder.decode(pair[1], StandardCharsets.UTF_8), (a, b) -> b));
    }
}
