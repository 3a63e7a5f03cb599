package io.vitrine.channels.internal;

import io.vitrine.shared.Db;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The key of the {@link SecretBox}: from configuration, else generated once and shared by all nodes through the database. */
@Component
class SecretKeys {

    private static final Logger LOG = LoggerFactory.getLogger(SecretKeys.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ChannelsProperties properties;
    private volatile SecretBox box;

    SecretKeys(JdbcClient jdbc, Clock clock, ChannelsProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    SecretBox box() {
        SecretBox current = box;
        if (current == null) {
            String configured = properties.secretKey();
            String encoded = configured != null ? configured : stored().orElseGet(this::generateAndStore);
            current = new SecretBox(Base64.getDecoder().decode(encoded));
            box = current;
        }
        return current;
    }

    private Optional<String> stored() {
        return jdbc.sql("select key_value from channel_secret_key where id = 1").query(String.class).optional();
    }

    private String generateAndStore() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String encoded = Base64.getEncoder().encodeToString(key);
        try {
            jdbc.sql("insert into channel_secret_key (id, key_value, created_at) values (1, ?, ?)")
                    .params(encoded, Db.ts(clock.instant())).update();
            LOG.warn("vitrine.channels.secret-key is not set: provider credentials are encrypted with a generated key "
                    + "stored in the database. Set VITRINE_CHANNELS_SECRET_KEY (openssl rand -base64 32) in production.");
            return encoded;
        } catch (DuplicateKeyException anotherNodeWasFirst) {
            return stored().orElseThrow();
        }
    }
}
