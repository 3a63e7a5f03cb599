package io.vitrine.channels.internal;

import io.vitrine.shared.SecretBox;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The key of the {@link SecretBox}: from configuration, else generated once and shared by all nodes through the database. */
@Component
class SecretKeys {

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
            current = SecretBox.configuredOrStored(properties.secretKey(), "vitrine.channels.secret-key", jdbc,
                    "channel_secret_key", clock);
            box = current;
        }
        return current;
    }
}
