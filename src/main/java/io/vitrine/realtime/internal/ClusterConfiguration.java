package io.vitrine.realtime.internal;

import io.vitrine.realtime.fanout.ClusterNode;
import io.vitrine.realtime.fanout.ClusterProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * What this node learns of the other nodes, chosen at start from {@code vitrine.cluster.mode}: nothing on a single
 * node; stream peers, signals and shoppers' connections through NATS in cluster mode. Those are closed when the node
 * stops (they are {@link AutoCloseable}), before the NATS connection they were made with.
 */
@Configuration(proxyBeanMethods = false)
class ClusterConfiguration {

    @Bean
    ClusterPeers clusterPeers(ClusterProperties properties, ObjectProvider<io.nats.client.Connection> nats,
            ClusterNode node, JsonMapper json) {
        return switch (properties.mode()) {
            case SINGLE -> new SingleNodePeers();
            case NATS -> new NatsPeers(nats.getObject(), node, properties, json);
        };
    }

    @Bean
    ShopperSockets shopperSockets(ClusterProperties properties, ObjectProvider<io.nats.client.Connection> nats,
            Connections connections, ClusterNode node) {
        return switch (properties.mode()) {
            case SINGLE -> new SingleNodeShopperSockets();
            case NATS -> new NatsShopperSockets(nats.getObject(), connections, node);
        };
    }
}
