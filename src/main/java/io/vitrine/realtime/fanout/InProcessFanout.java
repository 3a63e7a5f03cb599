package io.vitrine.realtime.fanout;

import io.vitrine.realtime.protocol.ServerMessage;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/** Fan-out within this node; in cluster mode the NATS fan-out uses it for its local subscribers. */
class InProcessFanout implements Fanout {

    private static final Logger log = LoggerFactory.getLogger(InProcessFanout.class);

    private final Map<Topic, Set<Consumer<Delivery>>> receivers = new ConcurrentHashMap<>();
    private final ObjectWriter writer;

    InProcessFanout(JsonMapper json) {
        this.writer = json.writerFor(ServerMessage.class);
    }

    @Override
    public void publish(Topic topic, ServerMessage message) {
        if (hasReceivers(topic)) {
            deliver(topic, new Delivery(message, writer.writeValueAsString(message)));
        }
    }

    private boolean hasReceivers(Topic topic) {
        Set<Consumer<Delivery>> targets = receivers.get(topic);
        return targets != null && !targets.isEmpty();
    }

    /** Hands an already serialised frame to this node's receivers of the topic. */
    void deliver(Topic topic, Delivery delivery) {
        Set<Consumer<Delivery>> targets = receivers.getOrDefault(topic, Set.of());
        for (Consumer<Delivery> receiver : targets) {
            try {
                receiver.accept(delivery);
            } catch (RuntimeException e) {
                log.debug("A receiver of {} failed; it recovers by replay", topic, e);
            }
        }
    }

    @Override
    public Subscription subscribe(Topic topic, Consumer<Delivery> receiver) {
        receivers.computeIfAbsent(topic, t -> ConcurrentHashMap.newKeySet()).add(receiver);
        return () -> receivers.computeIfPresent(topic, (t, set) -> {
            set.remove(receiver);
            return set.isEmpty() ? null : set;
        });
    }
}
