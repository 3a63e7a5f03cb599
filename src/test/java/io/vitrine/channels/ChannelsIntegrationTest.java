package io.vitrine.channels;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.vitrine.support.Api;
import io.vitrine.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The platform with a loopback WireMock server standing in for api.twilio.com and graph.facebook.com, and a module
 * listener recording the channels' events. Subclasses share one application context.
 */
abstract class ChannelsIntegrationTest extends IntegrationTest {

    /** Where providers reach Vitrine: webhooks are signed over this URL, whatever host the request came to. */
    static final String PUBLIC_URL = "https://vitrine.example.test";

    /** The secrets of the merchants {@link #twilioShop()} and {@link #whatsAppShop()} set up. */
    static final String TWILIO_AUTH_TOKEN = "twilio-auth-token";
    static final String META_ACCESS_TOKEN = "meta-access-token";
    static final String META_APP_SECRET = "meta-app-secret";
    static final String META_VERIFY_TOKEN = "verify-me-please";

    static final WireMockServer PROVIDER = new WireMockServer(options().dynamicPort());

    static {
        PROVIDER.start();
    }

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        registry.add("vitrine.channels.twilio.base-url", PROVIDER::baseUrl);
        registry.add("vitrine.channels.whatsapp.base-url", PROVIDER::baseUrl);
        registry.add("vitrine.test.record-channel-events", () -> "true");
        registry.add("vitrine.public-url", () -> PUBLIC_URL);
    }

    @Autowired
    RecordedChannelEvents events;

    @BeforeEach
    void resetProvider() {
        PROVIDER.resetAll();
    }

    /** A Twilio Account SID of the documented shape, unique per call. */
    static String accountSid() {
        return "AC" + UUID.randomUUID().toString().replace("-", "");
    }

    /** A number unique enough that merchants of different tests never share it. */
    static String number() {
        return "+1555" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
    }

    static String phoneNumberId() {
        return String.valueOf(100_000_000_000L + ThreadLocalRandom.current().nextLong(900_000_000_000L));
    }

    static Api.Response setUpTwilio(Api admin, String sid, String token, String... numbers) {
        return admin.put("/api/v1/channels/settings/twilio", Map.of("accountSid", sid, "authToken", token,
                "numbers", List.of(numbers)));
    }

    static Api.Response setUpWhatsApp(Api admin, String phoneNumberId, String number, String accessToken, String appSecret,
            String verifyToken) {
        return admin.put("/api/v1/channels/settings/whatsapp", Map.of("accessToken", accessToken, "appSecret", appSecret,
                "verifyToken", verifyToken, "numbers", List.of(Map.of("phoneNumberId", phoneNumberId, "number", number))));
    }

    /** A new merchant whose admin connected a Twilio account (its own SID, {@link #TWILIO_AUTH_TOKEN}) with one number. */
    TwilioShop twilioShop() {
        Shop shop = shop();
        String sid = accountSid();
        String number = number();
        setUpTwilio(shop.staff("admin"), sid, TWILIO_AUTH_TOKEN, number);
        return new TwilioShop(shop, sid, number);
    }

    /** A new merchant whose admin connected one WhatsApp business number with the META_* secrets above. */
    WhatsAppShop whatsAppShop() {
        Shop shop = shop();
        String id = phoneNumberId();
        String number = number();
        setUpWhatsApp(shop.staff("admin"), id, number, META_ACCESS_TOKEN, META_APP_SECRET, META_VERIFY_TOKEN);
        return new WhatsAppShop(shop, id, number);
    }

    record TwilioShop(Shop shop, String accountSid, String number) {}

    record WhatsAppShop(Shop shop, String phoneNumberId, String number) {}
}
