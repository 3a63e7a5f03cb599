package io.vitrine.realtime.fanout;

import io.vitrine.realtime.protocol.ServerMessage;
import java.util.function.Consumer;

/**
 * Delivers frames to the connections subscribed to a topic. The in-process implementation serves one node;
 * a cluster implementation relays publications through a broker and delivers them to its local subscribers,
 * so nothing else has to change. Stored state never lives here: a lost delivery is recovered by replay.
 */
public interface Fanout {

    void publish(Topic topic, ServerMessage message);

    /**
     * To this node's subscribers only: for frames every node works out for its own sockets from state it shares
     * otherwise (the peers of a stream), so each socket gets them in the order its node learned the changes.
     */
    default void publishLocally(Topic topic, ServerMessage message) {
        publish(topic, message);
    }

    Subscription subscribe(Topic topic, Consumer<Delivery> receiver);

    /** A frame with its JSON, serialised once for all receivers. */
    record Delivery(ServerMessage message, String json) {}

    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
