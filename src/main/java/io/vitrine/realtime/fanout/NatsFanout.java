package io.vitrine.realtime.fanout;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import io.nats.client.impl.Headers;
import io.vitrine.realtime.protocol.ServerMessage;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fan-out across nodes: every publication goes to the subject of its topic ({@code vitrine.topic.<kind>.<id>}),
 * and each node subscribes to the subjects its own sockets follow. A node delivers its own publications to its
 * sockets at once and ignores their echo, so nobody gets a frame twice. One dispatcher thread per node delivers what
 * comes from NATS, in the order NATS received it from each publisher.
 */
class NatsFanout implements Fanout {

    private static final Logger log = LoggerFactory.getLogger(NatsFanout.class);
    static final String NODE_HEADER = "Vitrine-Node";
    private static final String PREFIX = "vitrine.topic.";
    private static final java.time.Duration FLUSH_WAIT = java.time.Duration.ofSeconds(2);

    private final InProcessFanout local;
    private final Connection nats;
    private final Dispatcher dispatcher;
    private final String node;
    private final ObjectWriter writer;
    private final ObjectReader reader;
    /** How many local receivers follow each topic; the node subscribes to a subject while this is above zero. */
    private final Map<Topic, Integer> followers = new HashMap<>();

    NatsFanout(Connection nats, ClusterNode node, JsonMapper json) {
        this.local = new InProcessFanout(json);
        this.nats = nats;
        this.node = node.id();
        this.writer = json.writerFor(ServerMessage.class);
        this.reader = json.readerFor(ServerMessage.class);
        this.dispatcher = nats.createDispatcher(this::receive);
    }

    @Override
    public void publish(Topic topic, ServerMessage message) {
        String frame = writer.writeValueAsString(message);
        local.deliver(topic, new Delivery(message, frame));
        Headers headers = new Headers().put(NODE_HEADER, node);
        // While NATS is down, jnats buffers what is published and sends it on reconnecting.
        nats.publish(subject(topic), headers, frame.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void publishLocally(Topic topic, ServerMessage message) {
        local.publish(topic, message);
    }

    @Override
    public Subscription subscribe(Topic topic, Consumer<Delivery> receiver) {
        Subscription subscription = local.subscribe(topic, receiver);
        follow(topic, +1);
        awaitServer();
        return () -> {
            subscription.close();
            follow(topic, -1);
        };
    }

    private synchronized void follow(Topic topic, int change) {
        int count = followers.getOrDefault(topic, 0) + change;
        if (count > 0) {
            followers.put(topic, count);
            if (count == 1 && change > 0) {
                dispatcher.subscribe(subject(topic));
            }
        } else {
            followers.remove(topic);
            dispatcher.unsubscribe(subject(topic));
        }
    }

    /**
     * Waits until NATS has taken the subscription in, so that whatever another node publishes after this returns
     * reaches this node: a subscriber replays the stored events next and must not miss one committed in between.
     */
    private void awaitServer() {
        try {
            nats.flush(FLUSH_WAIT);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.warn("NATS did not confirm a subscription in time; a frame missed meanwhile is recovered by replay");
        }
    }

    private void receive(Message message) {
        if (node.equals(message.getHeaders() == null ? null : message.getHeaders().getFirst(NODE_HEADER))) {
            return; // delivered when published
        }
        try {
            Topic topic = topicOf(message.getSubject());
            String frame = new String(message.getData(), StandardCharsets.UTF_8);
            local.deliver(topic, new Delivery(reader.readValue(frame), frame));
        } catch (RuntimeException e) {
            log.warn("Dropped an unreadable frame on {}; its receivers recover by replay", message.getSubject(), e);
        }
    }

    static String subject(Topic topic) {
        return PREFIX + topic.kind() + "." + topic.id();
    }

    private static Topic topicOf(String subject) {
        String rest = subject.substring(PREFIX.length());
        int dot = rest.indexOf('.');
        return new Topic(rest.substring(0, dot), UUID.fromString(rest.substring(dot + 1)));
    }
}
