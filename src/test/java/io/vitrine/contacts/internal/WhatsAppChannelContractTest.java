package io.vitrine.contacts.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.vitrine.contacts.ChannelAdapter;
import io.vitrine.contacts.OutboundMessage;
import io.vitrine.contacts.SendResult;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The WhatsApp adapter through the Cloud API gateway. */
class WhatsAppChannelContractTest extends PhoneChannelContractTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    WhatsAppChannel whatsapp;

    @Override
    public ChannelAdapter adapter() {
        return whatsapp;
    }

    @Override
    void setUp(Shop shop) {
        List<Map<String, String>> numbers = pool.stream().map(number -> Map.of("phoneNumberId",
                String.valueOf(100_000_000_000L + ThreadLocalRandom.current().nextLong(900_000_000_000L)),
                "number", number)).toList();
        assertThat(shop.staff("admin").put("/api/v1/channels/settings/whatsapp", Map.of("accessToken",
                "meta-access-token", "appSecret", "meta-app-secret", "verifyToken", "verify-me-please",
                "numbers", numbers)).status()).isEqualTo(200);
    }

    @Override
    String sendPath() {
        return "/v[0-9.]+/[0-9]+/messages";
    }

    @Override
    ResponseDefinitionBuilder accepted() {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
                {"messaging_product":"whatsapp","contacts":[{"input":"4915112345678","wa_id":"4915112345678"}],
                 "messages":[{"id":"wamid.%s"}]}""".formatted(UUID.randomUUID()));
    }

    @Override
    public List<String> receivedBy(String address) {
        return bodies(sendPath()).stream().map(JSON::readTree)
                .filter(json -> ("+" + json.path("to").asString()).equals(address))
                .map(WhatsAppChannelContractTest::text).filter(Objects::nonNull).toList();
    }

    @Test
    void shouldFailWithTheReasonOutsideTheWindowAndSendTheOptInAsATemplate() {
        PROVIDER.stubFor(post(urlMatching(sendPath())).atPriority(1).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"error":{"message":"(#131047) Re-engagement message","type":"OAuthException","code":131047,
                         "error_data":{"messaging_product":"whatsapp","details":"Message failed to send because more than 24 hours have passed since the customer last replied to this number."},
                         "fbtrace_id":"Az8or2yhqkZfEZ-_4Qn_Bam"}}""")));
        assertThat(whatsapp.send(message(canonicalAddress(), "Hello"))).isInstanceOfSatisfying(SendResult.Failed.class,
                failed -> assertThat(failed.reason()).contains("outside the 24-hour window").contains("131047"));

        providerDown(false);
        OutboundMessage plain = message(canonicalAddress(), "unused");
        OutboundMessage confirmation = new OutboundMessage(plain.merchantId(), plain.contactId(), plain.channel(),
                plain.to(), plain.from(), "Anna Expert (Shop)", plain.replyTo(), plain.subject(), "Keep in touch?",
                List.of(), "<" + UUID.randomUUID() + "@t>", null, List.of(), null, "Yes", "https://vitrine.example/c/1");
        assertThat(whatsapp.send(confirmation)).isInstanceOf(SendResult.Sent.class);
        JsonNode template = bodies(sendPath()).stream().map(JSON::readTree)
                .filter(json -> "template".equals(json.path("type").asString())).findFirst().orElseThrow();
        assertThat(template.toString()).contains("vitrine_contact_opt_in").contains("Anna Expert (Shop)")
                .contains("YES");
    }

    private static String text(JsonNode json) {
        return json.path("text").path("body").isMissingNode() ? null : json.path("text").path("body").asString();
    }
}
