package io.vitrine.realtime.internal;

import io.vitrine.dialog.Actor;
import io.vitrine.realtime.fanout.Fanout;
import io.vitrine.realtime.fanout.Topic;
import io.vitrine.realtime.protocol.ServerMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * One client's socket: who it is, what it follows, and an ordered stream per followed dialog so that replayed and
 * live events reach the client once each, in sequence order.
 */
final class Connection {

    private static final Logger log = LoggerFactory.getLogger(Connection.class);

    private final WebSocketSession session;
    private final TokenBucket bucket;
    private final TokenBucket signalBucket;
    private final Map<UUID, DialogStream> dialogs = new ConcurrentHashMap<>();
    private final List<Fanout.Subscription> personal = new ArrayList<>();
    private volatile Actor actor;
    private volatile String name;

    /** Chat and control frames draw on {@code bucket}; WebRTC signals, which come in bursts, on {@code signalBucket}. */
    Connection(WebSocketSession session, TokenBucket bucket, TokenBucket signalBucket) {
        this.session = session;
        this.bucket = bucket;
        this.signalBucket = signalBucket;
    }

    Actor actor() {
        return actor;
    }

    String name() {
        return name;
    }

    void identify(Actor actor, String name) {
        this.actor = actor;
        this.name = name;
    }

    boolean allowFrame() {
        return bucket.tryTake(System.nanoTime());
    }

    boolean allowSignal() {
        return signalBucket.tryTake(System.nanoTime());
    }

    void send(String json) {
        if (!session.isOpen()) {
            return;
        }
        try {
            session.sendMessage(new TextMessage(json));
        } catch (IOException | IllegalStateException e) {
            // The decorator closes slow or broken sockets; the client resumes from its last sequence.
            log.debug("Dropping connection {}: {}", session.getId(), e.getMessage());
            close(CloseStatus.SESSION_NOT_RELIABLE);
        }
    }

    void addPersonal(Fanout.Subscription subscription) {
        synchronized (personal) {
            personal.add(subscription);
        }
    }

    boolean follows(UUID dialogId) {
        return dialogs.containsKey(dialogId);
    }

    Set<UUID> followed() {
        return Set.copyOf(dialogs.keySet());
    }

    DialogStream stream(UUID dialogId, Fanout fanout) {
        return dialogs.computeIfAbsent(dialogId, id -> {
            var stream = new DialogStream(this::send);
            stream.subscription = fanout.subscribe(Topic.dialog(id), stream::live);
            return stream;
        });
    }

    void unfollow(UUID dialogId) {
        DialogStream stream = dialogs.remove(dialogId);
        if (stream != null) {
            stream.subscription.close();
        }
    }

    void release() {
        dialogs.keySet().forEach(this::unfollow);
        synchronized (personal) {
            personal.forEach(Fanout.Subscription::close);
            personal.clear();
        }
    }

    void close(CloseStatus status) {
        try {
            session.close(status);
        } catch (IOException e) {
            log.debug("Closing {} failed", session.getId(), e);
        }
    }

    /**
     * Frames of one dialog for one connection. While a replay runs, live frames wait; afterwards every event
     * whose sequence was already sent is dropped.
     */
    static final class DialogStream {

        private final Consumer<String> out;
        private final List<Fanout.Delivery> held = new ArrayList<>();
        private Fanout.Subscription subscription;
        private long lastSentSeq = -1;
        private boolean replaying = true;

        DialogStream(Consumer<String> out) {
            this.out = out;
        }

        /** From now on live frames wait; the client has everything up to {@code afterSeq}. */
        synchronized void startReplay(long afterSeq) {
            replaying = true;
            lastSentSeq = afterSeq;
        }

        synchronized void replayed(ServerMessage.Event event, String json) {
            if (event.seq() > lastSentSeq) {
                out.accept(json);
                lastSentSeq = event.seq();
            }
        }

        /** Ends a replay: sends what arrived meanwhile, skipping what the replay already covered. */
        synchronized void finishReplay(String subscribedJson) {
            out.accept(subscribedJson);
            replaying = false;
            held.forEach(this::deliver);
            held.clear();
        }

        synchronized void live(Fanout.Delivery delivery) {
            if (replaying) {
                held.add(delivery);
            } else {
                deliver(delivery);
            }
        }

        private void deliver(Fanout.Delivery delivery) {
            if (delivery.message() instanceof ServerMessage.Event event) {
                if (event.seq() <= lastSentSeq) {
                    return;
                }
                lastSentSeq = event.seq();
            }
            out.accept(delivery.json());
        }
    }
}
