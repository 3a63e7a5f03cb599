package io.vitrine.realtime.internal;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import io.vitrine.shared.Actor;
import io.vitrine.realtime.fanout.ClusterNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the other nodes over NATS whether one of them holds a connection of the shopper following the dialog. Only a
 * node that holds one answers, so the first answer settles it and silence means no.
 */
class NatsShopperSockets implements ShopperSockets, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(NatsShopperSockets.class);
    private static final String SUBJECT = "vitrine.presence.shopper";
    private static final Duration WAIT = Duration.ofSeconds(2);

    private final Connection nats;
    private final Connections connections;
    private final String node;
    private final Dispatcher dispatcher;

    NatsShopperSockets(Connection nats, Connections connections, ClusterNode node) {
        this.nats = nats;
        this.connections = connections;
        this.node = node.id();
        this.dispatcher = nats.createDispatcher(this::answer);
        dispatcher.subscribe(SUBJECT);
    }

    @Override
    public boolean followsElsewhere(UUID dialogId, UUID shopperId) {
        String question = node + " " + dialogId + " " + shopperId;
        try {
            Message reply = nats.request(SUBJECT, question.getBytes(StandardCharsets.UTF_8))
                    .get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            return reply != null && !reply.isStatusMessage();
        } catch (java.util.concurrent.TimeoutException e) {
            return false; // nobody holds one
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.warn("Could not ask the other nodes about shopper {} of dialog {}; deciding from this node", shopperId,
                    dialogId, e);
            return false;
        }
    }

    private void answer(Message message) {
        String[] parts = new String(message.getData(), StandardCharsets.UTF_8).split(" ");
        if (parts.length != 3 || parts[0].equals(node) || message.getReplyTo() == null) {
            return;
        }
        UUID dialogId = UUID.fromString(parts[1]);
        UUID shopperId = UUID.fromString(parts[2]);
        boolean here = connections.all().stream().anyMatch(c -> c.follows(dialogId)
                && c.actor() instanceof Actor.Shopper s && s.shopperId().equals(shopperId));
        if (here) {
            nats.publish(message.getReplyTo(), new byte[] {1});
        }
    }

    @Override
    public void close() {
        nats.closeDispatcher(dispatcher);
    }
}
