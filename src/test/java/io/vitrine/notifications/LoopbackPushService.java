package io.vitrine.notifications;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A push service on loopback, playing the browser's part too: it holds the subscription's private key and auth
 * secret, checks the VAPID JWT (ES256, RFC 8292) of every request and decrypts the message (RFC 8291) itself. A
 * request that fails any check is answered 400 and not recorded.
 */
public final class LoopbackPushService implements AutoCloseable {

    public record Received(JsonNode message, JsonNode claims) {}

    private static final Base64.Decoder B64 = Base64.getUrlDecoder();
    private final HttpServer server;
    private final KeyPair browserKeys;
    private final byte[] authSecret = new byte[16];
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile int answer = 201;

    public LoopbackPushService() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        browserKeys = generator.generateKeyPair();
        new SecureRandom().nextBytes(authSecret);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/push/", this::handle);
        server.start();
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/push/" + Long.toHexString(new SecureRandom().nextLong());
    }

    public String p256dh() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(point((ECPublicKey) browserKeys.getPublic()));
    }

    public String auth() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(authSecret);
    }

    /** From now on, answer every request with this status (410: the subscription is gone). */
    public void answer(int status) {
        answer = status;
    }

    public List<Received> received() {
        return received;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            try {
                JsonNode claims = verifyVapid(exchange.getRequestHeaders().getFirst("Authorization"));
                if (!"aes128gcm".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                        || exchange.getRequestHeaders().getFirst("TTL") == null) {
                    throw new GeneralSecurityException("missing Content-Encoding or TTL");
                }
                JsonNode message = JsonMapper.builder().build().readTree(decrypt(body));
                if (answer < 300) {
                    received.add(new Received(message, claims));
                }
                exchange.sendResponseHeaders(answer, -1);
            } catch (GeneralSecurityException | RuntimeException e) {
                System.out.println("Loopback push service refused a request: " + e);
                exchange.sendResponseHeaders(400, -1);
            }
        }
    }

    private JsonNode verifyVapid(String authorization) throws GeneralSecurityException {
        if (authorization == null || !authorization.startsWith("vapid ")) {
            throw new GeneralSecurityException("no vapid authorization");
        }
        String jwt = null;
        String key = null;
        for (String part : authorization.substring(6).split(",")) {
            String[] pair = part.strip().split("=", 2);
            if (pair[0].equals("t")) jwt = pair[1];
            if (pair[0].equals("k")) key = pair[1];
        }
        String[] jwtParts = jwt.split("\\.");
        Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
        verifier.initVerify(publicKey(B64.decode(key)));
        verifier.update((jwtParts[0] + "." + jwtParts[1]).getBytes(StandardCharsets.US_ASCII));
        if (!verifier.verify(B64.decode(jwtParts[2]))) {
            throw new GeneralSecurityException("bad VAPID signature");
        }
        JsonMapper json = JsonMapper.builder().build();
        if (!json.readTree(B64.decode(jwtParts[0])).path("alg").asString().equals("ES256")) {
            throw new GeneralSecurityException("not ES256");
        }
        JsonNode claims = json.readTree(B64.decode(jwtParts[1]));
        claims = ((tools.jackson.databind.node.ObjectNode) claims).put("k", key);
        return claims;
    }

    private byte[] decrypt(byte[] body) throws GeneralSecurityException {
        ByteBuffer buffer = ByteBuffer.wrap(body);
        byte[] salt = new byte[16];
        buffer.get(salt);
        int recordSize = buffer.getInt();
        byte[] asPublic = new byte[buffer.get() & 0xff];
        buffer.get(asPublic);
        byte[] ciphertext = new byte[buffer.remaining()];
        buffer.get(ciphertext);
        if (recordSize < 18 || ciphertext.length > recordSize) {
            throw new GeneralSecurityException("bad record size");
        }
        KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
        agreement.init(browserKeys.getPrivate());
        agreement.doPhase(publicKey(asPublic), true);
        byte[] uaPublic = point((ECPublicKey) browserKeys.getPublic());
        byte[] keyInfo = concat("WebPush: info\0".getBytes(StandardCharsets.US_ASCII), uaPublic, asPublic);
        byte[] ikm = expand(hmac(authSecret, agreement.generateSecret()), keyInfo, 32);
        byte[] prk = hmac(salt, ikm);
        byte[] cek = expand(prk, "Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII), 16);
        byte[] nonce = expand(prk, "Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII), 12);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
        byte[] padded = cipher.doFinal(ciphertext);
        int end = padded.length - 1;
        while (end >= 0 && padded[end] == 0) end--;
        if (end < 0 || padded[end] != 2) {
            throw new GeneralSecurityException("no last-record delimiter");
        }
        return Arrays.copyOf(padded, end);
    }

    private ECPublicKey publicKey(byte[] point) throws GeneralSecurityException {
        ECPublicKeySpec spec = new ECPublicKeySpec(new ECPoint(new BigInteger(1, Arrays.copyOfRange(point, 1, 33)),
                new BigInteger(1, Arrays.copyOfRange(point, 33, 65))), ((ECPublicKey) browserKeys.getPublic()).getParams());
        return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(spec);
    }

    private static byte[] point(ECPublicKey key) {
        byte[] out = new byte[65];
        out[0] = 4;
        byte[] x = key.getW().getAffineX().toByteArray();
        byte[] y = key.getW().getAffineY().toByteArray();
        System.arraycopy(x, Math.max(0, x.length - 32), out, 1 + Math.max(0, 32 - x.length), Math.min(32, x.length));
        System.arraycopy(y, Math.max(0, y.length - 32), out, 33 + Math.max(0, 32 - y.length), Math.min(32, y.length));
        return out;
    }

    private static byte[] expand(byte[] prk, byte[] info, int length) throws GeneralSecurityException {
        return Arrays.copyOf(hmac(prk, concat(info, new byte[] {1})), length);
    }

    private static byte[] hmac(byte[] key, byte[] data) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data);
    }

    private static byte[] concat(byte[]... parts) {
        int length = Arrays.stream(parts).mapToInt(p -> p.length).sum();
        ByteBuffer out = ByteBuffer.allocate(length);
        Arrays.stream(parts).forEach(out::put);
        return out.array();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
