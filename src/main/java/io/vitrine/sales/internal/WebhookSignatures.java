package io.vitrine.sales.internal;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * The two signature schemes of incoming order webhooks, as pure functions: Shopify's (base64 HMAC-SHA256 of the raw
 * body in {@code X-Shopify-Hmac-Sha256}) and ours ({@code Vitrine-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of
 * "t.body">}, as Stripe signs). Signatures are compared in constant time.
 */
final class WebhookSignatures {

    /** Why a delivery is refused; {@code code} is the problem detail's code. */
    enum Refusal {
        UNSIGNED("webhook_unsigned", "The request carries no signature."),
        FORGED("webhook_signature_invalid", "The signature does not match the body and the merchant's secret."),
        STALE("webhook_too_old", "The request is older than the tolerance window, or its time cannot be read.");

        final String code;
        final String message;

        Refusal(String code, String message) {
            this.code = code;
            this.message = message;
        }
    }

    private WebhookSignatures() {}

    static String hmac(String secret, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    static String shopifySignature(String secret, byte[] body) {
        return Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hmac(secret, body)));
    }

    /**
     * Checks Shopify's header over the raw body, and that {@code X-Shopify-Triggered-At} (when sent) is within the
     * tolerance; null when the delivery is genuine.
     */
    static @Nullable Refusal checkShopify(String secret, byte[] body, @Nullable String hmacHeader,
            @Nullable String triggeredAt, Instant now, Duration tolerance) {
        if (hmacHeader == null || hmacHeader.isBlank()) {
            return Refusal.UNSIGNED;
        }
        if (!equal(shopifySignature(secret, body), hmacHeader.strip())) {
            return Refusal.FORGED;
        }
        if (triggeredAt != null && !triggeredAt.isBlank()) {
            try {
                if (tooFar(Instant.parse(triggeredAt.strip()), now, tolerance)) {
                    return Refusal.STALE;
                }
            } catch (DateTimeParseException e) {
                return Refusal.STALE;
            }
        }
        return null;
    }

    /** Our header {@code t=…,v1=…}; several v1 values are allowed while a secret is being rolled. */
    static @Nullable Refusal checkVitrine(String secret, byte[] body, @Nullable String header, Instant now,
            Duration tolerance) {
        if (header == null || header.isBlank()) {
            return Refusal.UNSIGNED;
        }
        Long timestamp = null;
        java.util.List<String> signatures = new java.util.ArrayList<>();
        for (String part : header.split(",")) {
            String[] pair = part.strip().split("=", 2);
            if (pair.length == 2 && pair[0].equals("t")) {
                try {
                    timestamp = Long.parseLong(pair[1].strip());
                } catch (NumberFormatException e) {
                    return Refusal.STALE;
                }
            } else if (pair.length == 2 && pair[0].equals("v1")) {
                signatures.add(pair[1].strip());
            }
        }
        if (timestamp == null || signatures.isEmpty()) {
            return Refusal.UNSIGNED;
        }
        String expected = vitrineSignature(secret, timestamp, body);
        if (signatures.stream().noneMatch(signature -> equal(expected, signature.toLowerCase(java.util.Locale.ROOT)))) {
            return Refusal.FORGED;
        }
        return tooFar(Instant.ofEpochSecond(timestamp), now, tolerance) ? Refusal.STALE : null;
    }

    static String vitrineSignature(String secret, long timestamp, byte[] body) {
        byte[] prefix = (timestamp + ".").getBytes(StandardCharsets.UTF_8);
        byte[] signed = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, signed, 0, prefix.length);
        System.arraycopy(body, 0, signed, prefix.length, body.length);
        return hmac(secret, signed);
    }

    private static boolean tooFar(Instant sent, Instant now, Duration tolerance) {
        return Duration.between(sent, now).abs().compareTo(tolerance) > 0;
    }

    private static boolean equal(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
