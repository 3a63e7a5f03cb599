package io.vitrine.media;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-limited TURN credentials in the scheme coturn checks with {@code use-auth-secret}: the user name is
 * {@code <expiry unix time>:<participant id>} and the password {@code base64(HMAC-SHA1(secret, user name))}.
 * TURN servers verify them with the shared secret alone, so no long-lived secret reaches a browser.
 */
public record TurnCredentials(String username, String credential, Instant expiresAt) {

    public static TurnCredentials issue(String secret, String participantId, Instant expiresAt) {
        String username = expiresAt.getEpochSecond() + ":" + participantId;
        return new TurnCredentials(username, sign(secret, username), Instant.ofEpochSecond(expiresAt.getEpochSecond()));
    }

    /** What a TURN server does: recompute the password and check the expiry in the user name. */
    public static boolean valid(String secret, String username, String credential, Instant now) {
        int colon = username.indexOf(':');
        if (colon <= 0) {
            return false;
        }
        long expiry;
        try {
            expiry = Long.parseLong(username.substring(0, colon));
        } catch (NumberFormatException e) {
            return false;
        }
        return expiry > now.getEpochSecond() && sign(secret, username).equals(credential);
    }

    private static String sign(String secret, String username) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA1 is part of every JDK", e);
        }
    }
}
