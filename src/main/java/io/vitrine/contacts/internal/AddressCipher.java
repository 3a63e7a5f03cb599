package io.vitrine.contacts.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps contact addresses encrypted at rest (AES-256-GCM, a random nonce per value) and gives each a keyed hash
 * (HMAC-SHA256) so an address can be looked up without decrypting every row.
 */
@Component
class AddressCipher {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int NONCE = 12;

    private final ContactsProperties properties;
    private final JdbcClient jdbc;
    private volatile SecretKeySpec aes;
    private volatile SecretKeySpec hmac;

    AddressCipher(ContactsProperties properties, JdbcClient jdbc) {
        this.properties = properties;
        this.jdbc = jdbc;
    }

    /** Read on first use, after the migrations have run. */
    private synchronized void load() {
        if (aes != null) {
            return;
        }
        byte[] key = Base64.getDecoder().decode(key(properties, jdbc));
        if (key.length != 32) {
            throw new IllegalStateException("vitrine.contacts.address-key must be base64 of 32 bytes");
        }
        this.hmac = new SecretKeySpec(key, "HmacSHA256");
        this.aes = new SecretKeySpec(key, "AES");
    }

    String encrypt(String address) {
        load();
        try {
            byte[] nonce = new byte[NONCE];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, aes, new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(address.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE);
            System.arraycopy(sealed, 0, out, NONCE, sealed.length);
            return Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    String decrypt(String stored) {
        load();
        try {
            byte[] in = Base64.getDecoder().decode(stored);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, aes, new GCMParameterSpec(128, in, 0, NONCE));
            return new String(cipher.doFinal(in, NONCE, in.length - NONCE), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A contact address could not be decrypted: is the address key the one it was stored with?", e);
        }
    }

    String hash(String address) {
        load();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(hmac);
            return HexFormat.of().formatHex(mac.doFinal(address.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }

    /**
     * An unguessable link token for one purpose and one contact (confirm, unsubscribe): derived, so nothing needs
     * storing, and checked in constant time.
     */
    String linkToken(String purpose, java.util.UUID contactId) {
        String mac = hash(purpose + ":" + contactId).substring(0, 32);
        return contactId + "." + mac;
    }

    /** The contact a link token names, if the token is genuine for this purpose. */
    java.util.Optional<java.util.UUID> verifyLinkToken(String purpose, String token) {
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot < 0) {
            return java.util.Optional.empty();
        }
        java.util.UUID id;
        try {
            id = java.util.UUID.fromString(token.substring(0, dot));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
        boolean genuine = java.security.MessageDigest.isEqual(linkToken(purpose, id).getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8));
        return genuine ? java.util.Optional.of(id) : java.util.Optional.empty();
    }

    private static String key(ContactsProperties properties, JdbcClient jdbc) {
        if (properties.addressKey() != null && !properties.addressKey().isBlank()) {
            return properties.addressKey().strip();
        }
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        // Two nodes starting at once: the first insert wins, both read the same key back.
        try {
            jdbc.sql("insert into contact_key (id, secret) values (1, ?)")
                    .param(Base64.getEncoder().encodeToString(fresh)).update();
        } catch (org.springframework.dao.DuplicateKeyException ignored) {
            // already there
        }
        return jdbc.sql("select secret from contact_key where id = 1").query(String.class).single();
    }
}
