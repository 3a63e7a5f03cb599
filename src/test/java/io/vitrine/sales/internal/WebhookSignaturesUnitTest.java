package io.vitrine.sales.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.sales.internal.WebhookSignatures.Refusal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Known vectors, computed outside Java with
 * {@code printf '{"id":1001,"currency":"EUR"}' | openssl dgst -sha256 -hmac 'shpss_test_secret_0123456789' -binary | base64}
 * and {@code printf '1764496800.{"id":"A-1","currency":"EUR"}' | openssl dgst -sha256 -hmac 'whsec_test_secret_0123456789' -hex}.
 */
class WebhookSignaturesUnitTest {

    private static final String SHOPIFY_SECRET = "shpss_test_secret_0123456789";
    private static final byte[] SHOPIFY_BODY = "{\"id\":1001,\"currency\":\"EUR\"}".getBytes(StandardCharsets.UTF_8);
    private static final String SHOPIFY_HMAC = "TRZ8qUIpYfR3OuA5e05H4okp8e5lf094BO93WdzNWjw=";

    private static final String VITRINE_SECRET = "whsec_test_secret_0123456789";
    private static final byte[] VITRINE_BODY = "{\"id\":\"A-1\",\"currency\":\"EUR\"}".getBytes(StandardCharsets.UTF_8);
    private static final long T = 1764496800L;
    private static final String VITRINE_V1 = "f65f35b1b2e20cbfab73dc91f9304458b1ed19de920ea2ad0effd47170ff74d8";

    private static final Instant NOW = Instant.ofEpochSecond(T + 60);
    private static final Duration TOLERANCE = Duration.ofMinutes(5);

    @Test
    void shouldComputeTheKnownVectors() {
        assertThat(WebhookSignatures.shopifySignature(SHOPIFY_SECRET, SHOPIFY_BODY)).isEqualTo(SHOPIFY_HMAC);
        assertThat(WebhookSignatures.vitrineSignature(VITRINE_SECRET, T, VITRINE_BODY)).isEqualTo(VITRINE_V1);
    }

    @Test
    void shouldAcceptAGenuineShopifyDelivery() {
        assertThat(WebhookSignatures.checkShopify(SHOPIFY_SECRET, SHOPIFY_BODY, SHOPIFY_HMAC,
                "2025-11-30T10:00:30Z", Instant.parse("2025-11-30T10:01:00Z"), TOLERANCE)).isNull();
        assertThat(WebhookSignatures.checkShopify(SHOPIFY_SECRET, SHOPIFY_BODY, SHOPIFY_HMAC, null, NOW, TOLERANCE))
                .as("older Shopify API versions send no time").isNull();
    }

    @Test
    void shouldRefuseUnsignedForgedTamperedAndStaleShopifyDeliveries() {
        byte[] tampered = "{\"id\":1001,\"currency\":\"USD\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(WebhookSignatures.checkShopify(SHOPIFY_SECRET, SHOPIFY_BODY, null, null, NOW, TOLERANCE)).isEqualTo(Refusal.UNSIGNED);
        assertThat(WebhookSignatures.checkShopify(SHOPIFY_SECRET, SHOPIFY_BODY, " ", null, NOW, TOLERANCE)).isEqualTo(Refusal.UNSIGNED);
        assertThat(WebhookSignatures.checkShopify(SHOPIFY_SECRET, tampered, SHOPIFY_HMAC, null, NOW, TOLERANCE)).isEqualTo(Refusal.FORGED);
        assertThat(WebhookSignatures.checkShopify("another-secret-0123456789", SHOPIFY_BODY, SHOPIFY_HMAC, null, NOW, TOLERANCE))
                .isEqualTo(Refusal.FORGED);
        assertThat(WebhookSignatures.checkShopify(SHOPIFY_SECRET, SHOPIFY_BODY, SHOPIFY_HMAC, "2025-11-30T09:00:00Z",
                Instant.parse("2025-11-30T10:00:00Z"), TOLERANCE)).isEqualTo(Refusal.STALE);
        assertThat(WebhookSignatures.checkShopify(SHOPIFY_SECRET, SHOPIFY_BODY, SHOPIFY_HMAC, "yesterday", NOW, TOLERANCE))
                .isEqualTo(Refusal.STALE);
    }

    @Test
    void shouldAcceptOurSignatureAndAnyOfSeveralV1Values() {
        assertThat(WebhookSignatures.checkVitrine(VITRINE_SECRET, VITRINE_BODY, "t=" + T + ",v1=" + VITRINE_V1, NOW, TOLERANCE)).isNull();
        assertThat(WebhookSignatures.checkVitrine(VITRINE_SECRET, VITRINE_BODY,
                "t=" + T + ", v1=" + "0".repeat(64) + ", v1=" + VITRINE_V1.toUpperCase(), NOW, TOLERANCE)).isNull();
    }

    @Test
    void shouldRefuseOurUnsignedForgedTamperedAndStaleDeliveries() {
        String header = "t=" + T + ",v1=" + VITRINE_V1;
        byte[] tampered = "{\"id\":\"A-1\",\"currency\":\"EUR\" }".getBytes(StandardCharsets.UTF_8);
        assertThat(WebhookSignatures.checkVitrine(VITRINE_SECRET, VITRINE_BODY, null, NOW, TOLERANCE)).isEqualTo(Refusal.UNSIGNED);
        assertThat(WebhookSignatures.checkVitrine(VITRINE_SECRET, VITRINE_BODY, "t=" + T, NOW, TOLERANCE)).isEqualTo(Refusal.UNSIGNED);
        assertThat(WebhookSignatures.checkVitrine(VITRINE_SECRET, VITRINE_BODY, "v1=" + VITRINE_V1, NOW, TOLERANCE)).isEqualTo(Refusal.UNSIGNED);
        assertThat(WebhookSignatures.checkVitrine(VITRINE_SECRET, tampered, header, NOW, TOLERANCE)).isEqualTo(Refusal.FORGED);
        assertThat(WebhookSignatures.checkVitrine(VITRINE_SECRET, VITRINE_BODY, "t=" + (T + 1) + ",v1=" + VITRINE_V1, NOW, TOLERANCE))
                .as("the time is signed too").isEqualTo(Refusal.FORGED);
        assertThat(WebhookSignatures.checkVitrine(VITRINE_SECRET, VITRINE_BODY, header, NOW.plus(Duration.ofMinutes(6)), TOLERANCE))
                .isEqualTo(Refusal.STALE);
        assertThat(WebhookSignatures.checkVitrine(VITRINE_SECRET, VITRINE_BODY, "t=soon,v1=" + VITRINE_V1, NOW, TOLERANCE))
                .isEqualTo(Refusal.STALE);
    }
}
