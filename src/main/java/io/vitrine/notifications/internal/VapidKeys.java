package io.vitrine.notifications.internal;

import io.vitrine.shared.Db;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The application server's VAPID identity (RFC 8292): from configuration, else made once and stored, so every node
 * and every restart signs with the key browsers subscribed with.
 */
@Component
public class VapidKeys {

    record Pair(String publicKey, String privateKey) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final NotificationsProperties.Push settings;
    private volatile Pair pair;

    VapidKeys(JdbcClient jdbc, Clock clock, NotificationsProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = properties.push();
    }

    /** The public key as browsers pass it to pushManager.subscribe (base64url, uncompressed point). */
    public String publicKey() {
        return pair().publicKey();
    }

    /** The Authorization header value for a push service at {@code audience} (scheme://host[:port]). */
    String authorization(String audience) throws GeneralSecurityException {
        long expires = clock.instant().plus(Duration.ofHours(12)).getEpochSecond();
        String header = b64("{\"typ\":\"JWT\",\"alg\":\"ES256\"}");
        String claims = b64("{\"aud\":\"" + audience + "\",\"exp\":" + expires + ",\"sub\":\"" + settings.subject() + "\"}");
        Signature signer = Signature.getInstance("SHA256withECDSAinP1363Format");
        signer.initSign(EcKeys.privateKey(EcKeys.fromBase64Url(pair().privateKey())));
        signer.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
        String jwt = header + "." + claims + "." + EcKeys.base64Url(signer.sign());
        return "vapid t=" + jwt + ", k=" + pair().publicKey();
    }

    private Pair pair() {
        Pair current = pair;
        if (current == null) {
            current = settings.keysConfigured()
                    ? new Pair(settings.vapidPublicKey().strip(), settings.vapidPrivateKey().strip())
                    : stored().orElseGet(this::generateAndStore);
            pair = current;
        }
        return current;
    }

    private Optional<Pair> stored() {
        return jdbc.sql("select public_key, private_key from vapid_key where id = 1")
                .query((rs, n) -> new Pair(rs.getString("public_key"), rs.getString("private_key"))).optional();
    }

    private Pair generateAndStore() {
        KeyPair keys = EcKeys.generate();
        Pair made = new Pair(EcKeys.base64Url(EcKeys.encode((ECPublicKey) keys.getPublic())),
                EcKeys.base64Url(EcKeys.encode((ECPrivateKey) keys.getPrivate())));
        try {
            jdbc.sql("insert into vapid_key (id, public_key, private_key, created_at) values (1, ?, ?, ?)")
                    .params(made.publicKey(), made.privateKey(), Db.ts(clock.instant())).update();
            return made;
        } catch (DuplicateKeyException anotherNodeWasFirst) {
            return stored().orElseThrow();
        }
    }

    private static String b64(String json) {
        return EcKeys.base64Url(json.getBytes(StandardCharsets.UTF_8));
    }
}
