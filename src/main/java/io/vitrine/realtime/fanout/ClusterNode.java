package io.vitrine.realtime.fanout;

import java.util.UUID;

/** This node's name among the others in cluster mode: new on every start, so a restarted node is a new one. */
public record ClusterNode(String id) {

    static ClusterNode fresh() {
        return new ClusterNode(UUID.randomUUID().toString().replace("-", "").substring(0, 16));
    }
}
