package io.vitrine.shared;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * AES-256-GCM for secrets at rest (provider credentials, webhook secrets). Each value gets a fresh 96-bit nonce; the
 * associated data binds a ciphertext to its merchant and field, so a value copied into another row or merchant does
 * not decrypt. Sealed values read {@code v1:<base64 of nonce and sealed bytes>}.
 */
public final class SecretBox {

    private static final Logger LOG = LoggerFactory.getLogger(SecretBox.class);
    private static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    private final String keySetting;

    /** {@code keySetting} names the setting the key comes from, for the message when a value does not decrypt. */
    public SecretBox(byte[] key, String keySetting) {
        if (key.length != 32) {
            throw new IllegalArgumentException(keySetting + " must be 32 bytes (base64)");
        }
        this.key = new SecretKeySpec(key, "AES");
        this.keySetting = keySetting;
    }

    /**
     * The box with the configured key (base64 of 32 bytes), or else with a key generated once and kept in
     * {@code table} (columns {@code id, key_value, created_at}), shared by all nodes through the database.
     */
    public static SecretBox configuredOrStored(@Nullable String configured, String keySetting, JdbcClient jdbc,
            String table, Clock clock) {
        String encoded = configured != null && !configured.isBlank() ? configured.strip()
                : stored(jdbc, table).orElseGet(() -> generateAndStore(jdbc, table, clock, keySetting));
        return new SecretBox(Base64.getDecoder().decode(encoded), keySetting);
    }

    public String seal(String plaintext, String context) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, context);
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /** @throws IllegalStateException when the value was sealed with another key or for another context */
    public String open(String sealed, String context) {
        if (!sealed.startsWith(PREFIX)) {
            throw new IllegalStateException("Not a sealed secret");
        }
        byte[] bytes = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
        try {
            byte[] nonce = java.util.Arrays.copyOf(bytes, NONCE_BYTES);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, nonce, context);
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A stored secret does not decrypt: was " + keySetting + " changed?", e);
        }
    }

    private Cipher cipher(int mode, byte[] nonce, String context) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private static Optional<String> stored(JdbcClient jdbc, String table) {
        return jdbc.sql("select key_value from " + table + " where id = 1").query(String.class).optional();
    }

    private static String generateAndStore(JdbcClient jdbc, String table, Clock clock, String keySetting) {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        String encoded = Base64.getEncoder().encodeToString(key);
        try {
            jdbc.sql("insert into " + table + " (id, key_value, created_at) values (1, ?, ?)")
                    .params(encoded, Db.ts(clock.instant())).update();
            LOG.warn("{} is not set: secrets are encrypted with a generated key stored in the database ({}). "
                    + "Set it (openssl rand -base64 32) in production.", keySetting, table);
            return encoded;
        } catch (DuplicateKeyException anotherNodeWasFirst) {
            return stored(jdbc, table).orElseThrow();
        }
    }
}
