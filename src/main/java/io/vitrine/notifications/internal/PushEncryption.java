package io.vitrine.notifications.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** Message encryption for Web Push (RFC 8291) in the aes128gcm content coding (RFC 8188), one record. */
final class PushEncryption {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int RECORD_SIZE = 4096;

    private PushEncryption() {}

    /** The request body for a subscription with the browser's public key and auth secret. */
    static byte[] encrypt(byte[] plaintext, byte[] uaPublic, byte[] authSecret) throws GeneralSecurityException {
        if (plaintext.length > RECORD_SIZE - 17 - 86) {
            throw new GeneralSecurityException("push payload too large: " + plaintext.length + " bytes");
        }
        KeyPair ephemeral = EcKeys.generate();
        byte[] asPublic = EcKeys.encode((ECPublicKey) ephemeral.getPublic());
        KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
        agreement.init(ephemeral.getPrivate());
        agreement.doPhase(EcKeys.publicKey(uaPublic), true);
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        byte[][] keyAndNonce = contentKeys(agreement.generateSecret(), authSecret, uaPublic, asPublic, salt);

        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(keyAndNonce[0], "AES"),
                new GCMParameterSpec(128, keyAndNonce[1]));
        byte[] padded = Arrays.copyOf(plaintext, plaintext.length + 1);
        padded[plaintext.length] = 2; // delimiter of the last (only) record
        byte[] ciphertext = cipher.doFinal(padded);

        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(salt);
        body.writeBytes(ByteBuffer.allocate(4).putInt(RECORD_SIZE).array());
        body.write(asPublic.length);
        body.writeBytes(asPublic);
        body.writeBytes(ciphertext);
        return body.toByteArray();
    }

    /** RFC 8291 section 3.4 and RFC 8188 section 2.2: the content encryption key and the nonce. */
    static byte[][] contentKeys(byte[] ecdhSecret, byte[] authSecret, byte[] uaPublic, byte[] asPublic, byte[] salt)
            throws GeneralSecurityException {
        byte[] keyInfo = concat("WebPush: info\0".getBytes(StandardCharsets.US_ASCII), uaPublic, asPublic);
        byte[] ikm = hkdf(authSecret, ecdhSecret, keyInfo, 32);
        byte[] cek = hkdf(salt, ikm, "Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII), 16);
        byte[] nonce = hkdf(salt, ikm, "Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII), 12);
        return new byte[][] {cek, nonce};
    }

    /** HKDF-SHA-256 (RFC 5869) for outputs of at most one hash length. */
    private static byte[] hkdf(byte[] salt, byte[] ikm, byte[] info, int length) throws GeneralSecurityException {
        byte[] prk = hmac(salt, ikm);
        return Arrays.copyOf(hmac(prk, concat(info, new byte[] {1})), length);
    }

    private static byte[] hmac(byte[] key, byte[] data) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
