package io.vitrine.channels.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code X-Twilio-Signature} as Twilio's RequestValidator computes it: the full URL Twilio requested, then for a form
 * POST each parameter name followed by its value, names sorted (several values of one name sorted too), HMAC-SHA1
 * with the Auth Token, base64. Like Twilio's validator it accepts the URL with and without the default port, because
 * Twilio signs the URL exactly as configured and proxies add or drop the port.
 */
public final class TwilioSignature {

    private TwilioSignature() {}

    public static String sign(String authToken, String url, Map<String, List<String>> params) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(params).forEach((name, values) -> values.stream().sorted()
                .forEach(value -> data.append(name).append(value)));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every JDK", e);
        }
    }

    public static boolean valid(String authToken, String url, Map<String, List<String>> params, String signature) {
        if (signature == null || signature.isBlank()) {
            return false;
        }
        for (String candidate : List.of(url, withPort(url), withoutPort(url))) {
            byte[] expected = sign(authToken, candidate, params).getBytes(StandardCharsets.UTF_8);
            if (MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.UTF_8))) {
                return true;
            }
        }
        return false;
    }

    private static String withPort(String url) {
        URI uri = URI.create(url);
        if (uri.getPort() != -1) {
            return url;
        }
        int port = "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        return uri.getScheme() + "://" + uri.getRawAuthority() + ":" + port + url.substring(uri.getScheme().length() + 3 + uri.getRawAuthority().length());
    }

    private static String withoutPort(String url) {
        URI uri = URI.create(url);
        boolean defaultPort = (uri.getPort() == 443 && "https".equalsIgnoreCase(uri.getScheme()))
                || (uri.getPort() == 80 && "http".equalsIgnoreCase(uri.getScheme()));
        return defaultPort ? url.replaceFirst(":" + uri.getPort(), "") : url;
    }
}
