package io.vitrine.contacts.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.vitrine.contacts.ChannelAdapterContract;
import io.vitrine.support.IntegrationTest;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The SMS and WhatsApp adapters through the real channels gateways, against a loopback server answering as Twilio's
 * Messaging API and Meta's Cloud API document it. Each test gets a merchant with a pool of three numbers.
 */
abstract class PhoneChannelContractTest extends IntegrationTest implements ChannelAdapterContract {

    static final WireMockServer PROVIDER = new WireMockServer(options().dynamicPort());

    static {
        PROVIDER.start();
    }

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        registry.add("vitrine.channels.twilio.base-url", PROVIDER::baseUrl);
        registry.add("vitrine.channels.whatsapp.base-url", PROVIDER::baseUrl);
    }

    @Autowired
    Proxies proxies;

    Shop shop;
    final List<String> pool = List.of(number(), number(), number());

    /** Configures the merchant's account with the pool at the provider (through the admin API). */
    abstract void setUp(Shop shop);

    /** The path pattern of the provider's send endpoint. */
    abstract String sendPath();

    abstract ResponseDefinitionBuilder accepted();

    @BeforeEach
    void merchantWithPool() {
        PROVIDER.resetAll();
        shop = shop();
        setUp(shop);
        providerUp();
    }

    @Override
    public UUID merchantId() {
        return shop.merchant().id();
    }

    @Override
    public String proxyFor(UUID merchantId, UUID memberId) {
        return proxies.of(adapter(), merchantId, memberId, "Anna Expert").address();
    }

    @Override
    public String validAddress() {
        return " +49 (151) 123-456 78 ";
    }

    @Override
    public String canonicalAddress() {
        return "+4915112345678";
    }

    @Override
    public List<String> invalidAddresses() {
        return List.of("", "hello", "0151 12345678", "+0 151 1234567", "+49 151", "+49 151 1234 5678 9012 34",
                "+49151abc45678");
    }

    @Override
    public void providerDown(boolean down) {
        if (down) {
            PROVIDER.stubFor(post(urlMatching(sendPath())).atPriority(1).willReturn(aResponse().withStatus(503)));
        } else {
            PROVIDER.resetAll();
            providerUp();
        }
    }

    private void providerUp() {
        PROVIDER.stubFor(post(urlMatching(sendPath())).atPriority(5).willReturn(accepted()));
    }

    /** The bodies the provider received, for the subclass to pick the recipient and text from. */
    static List<String> bodies(String pathPattern) {
        return PROVIDER.findAll(postRequestedFor(urlMatching(pathPattern))).stream()
                .map(request -> request.getBodyAsString()).toList();
    }

    @Test
    void shouldSendFromTheExpertsPoolNumberAndHandOutEachNumberOnce() {
        UUID anna = UUID.randomUUID();
        String first = proxyFor(merchantId(), anna);
        assertThat(pool).contains(first);
        assertThat(proxyFor(merchantId(), anna)).as("kept for good").isEqualTo(first);
        String second = proxyFor(merchantId(), UUID.randomUUID());
        String third = proxyFor(merchantId(), UUID.randomUUID());
        assertThat(List.of(first, second, third)).containsExactlyInAnyOrderElementsOf(pool);
        assertThat(adapter().configured(merchantId())).isTrue();
        assertThat(adapter().configured(UUID.randomUUID())).isFalse();
    }

    static String number() {
        return "+1555" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
    }
}
