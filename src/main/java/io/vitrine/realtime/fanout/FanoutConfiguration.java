package io.vitrine.realtime.fanout;

import io.nats.client.Connection;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fan-out of this node, chosen at start from {@code vitrine.cluster.mode}: in memory on a single node, through
 * NATS in cluster mode. Only then is the NATS connection made.
 */
@Configuration(proxyBeanMethods = false)
class FanoutConfiguration {

    @Bean
    Fanout fanout(ClusterProperties properties, ObjectProvider<Connection> nats, ClusterNode node, JsonMapper json) {
        return switch (properties.mode()) {
            case SINGLE -> new InProcessFanout(json);
            case NATS -> new NatsFanout(nats.getObject(), node, json);
        };
    }
}
