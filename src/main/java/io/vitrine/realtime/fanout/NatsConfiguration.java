package io.vitrine.realtime.fanout;

import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * The one NATS connection of a node in cluster mode. It is made only when the cluster mode's implementations ask for
 * it (in {@code nats} mode, see {@link FanoutConfiguration}). A node refuses to start without NATS (it would silently
 * serve only its own sockets); once up, it reconnects on its own for as long as it runs and says so in the log.
 */
@Configuration(proxyBeanMethods = false)
class NatsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(NatsConfiguration.class);

    @Bean
    ClusterNode clusterNode() {
        return ClusterNode.fresh();
    }

    @Bean(destroyMethod = "close")
    @Lazy
    Connection natsConnection(ClusterProperties properties, ClusterNode node) throws InterruptedException {
        Options options = Options.builder()
                .servers(properties.natsUrl().split("\\s*,\\s*"))
                .connectionName("vitrine-" + node.id())
                .maxReconnects(-1)
                .reconnectWait(Duration.ofSeconds(1))
                .connectionListener(NatsConfiguration::logEvent)
                .build();
        try {
            return Nats.connect(options);
        } catch (IOException e) {
            throw new IllegalStateException("vitrine.cluster.mode is nats but NATS at " + properties.natsUrl()
                    + " cannot be reached: start NATS or set vitrine.cluster.mode=single", e);
        }
    }

    private static void logEvent(Connection connection, ConnectionListener.Events event) {
        switch (event) {
            case DISCONNECTED -> log.warn("NATS is down: realtime frames reach only this node's sockets until it"
                    + " reconnects (clients catch up by replay)");
            case RECONNECTED -> log.info("NATS is back ({}): cluster fan-out resumed", connection.getConnectedUrl());
            case CONNECTED -> log.info("Connected to NATS at {}", connection.getConnectedUrl());
            case CLOSED -> log.info("NATS connection closed");
            default -> log.debug("NATS: {}", event);
        }
    }
}
