package io.vitrine.realtime.internal;

import io.vitrine.realtime.fanout.Fanout;
import io.vitrine.realtime.fanout.Topic;
import io.vitrine.realtime.protocol.ServerMessage;
import io.vitrine.shared.Actor;
import io.vitrine.shared.DialogRole;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;

/**
 * One client's socket: who it is, what it follows, and an ordered stream per followed dialog so that replayed and
 * live events reach the client once each, in sequence order.
 */
final class Connection {

    private final WebSocketSession session;
    private final Outbox outbox;
    private final String address;
    private final Duration replayPatience;
    private final TokenBucket bucket;
    private final TokenBucket signalBucket;
    private final AtomicBoolean awaitingHello = new AtomicBoolean();
    private final Map<UUID, DialogStream> dialogs = new ConcurrentHashMap<>();
    private final List<Fanout.Subscription> personal = new ArrayList<>();
    private volatile Actor actor;
    private volatile String name;

    /** Chat and control frames draw on {@code bucket}; WebRTC signals, which come in bursts, on {@code signalBucket}. */
    Connection(WebSocketSession session, Outbox outbox, String address, Duration replayPatience, TokenBucket bucket,
            TokenBucket signalBucket) {
        this.session = session;
        this.outbox = outbox;
        this.address = address;
        this.replayPatience = replayPatience;
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

    /** Queues a frame; never waits for the socket (see {@link Outbox}). */
    void send(String json) {
        outbox.offer(json);
    }

    /** Queues a replayed frame, waiting while this client is behind; false once the socket is closed. */
    private boolean sendReplayed(String json) {
        try {
            return outbox.put(json, replayPatience);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    String id() {
        return session.getId();
    }

    /** The client's IP address (as forwarded by a trusted proxy). */
    String address() {
        return address;
    }

    /** Marks the socket as one that still owes its {@code hello}. */
    void awaitHello() {
        awaitingHello.set(true);
    }

    /** True exactly once, when a socket that owed its {@code hello} authenticated or closed. */
    boolean stopAwaitingHello() {
        return awaitingHello.compareAndSet(true, false);
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
            var stream = new DialogStream(this::send, this::sendReplayed);
            stream.subscription = fanout.subscribe(Topic.dialog(id), stream::live);
            return stream;
        });
    }

    /**
     * Sends a frame of a dialog that is not published to the dialog's topic (a WebRTC {@code signal}) in order with
     * the frames that are: while the client catches up on the dialog, it waits behind those held before it, so a
     * newcomer's offer never overtakes the {@code peers} frame that announces the newcomer. A connection that does
     * not follow the dialog gets it directly. Such a frame carries no sequence, so only its JSON is needed.
     */
    void sendInDialog(UUID dialogId, String json) {
        DialogStream stream = dialogs.get(dialogId);
        if (stream == null) {
            send(json);
        } else {
            stream.live(new Fanout.Delivery(null, json));
        }
    }

    /**
     * Receives the dialog's frames meant for this seat too (see {@code Push.toDialogSeats}), through the same
     * stream, so they wait for a replay like the rest; a later subscribe replaces the seat.
     */
    void seat(UUID dialogId, DialogRole seat, Fanout fanout) {
        DialogStream stream = dialogs.get(dialogId);
        if (stream == null) {
            return;
        }
        synchronized (stream) {
            if (seat == stream.seat) {
                return;
            }
            if (stream.seatSubscription != null) {
                stream.seatSubscription.close();
            }
            stream.seat = seat;
            stream.seatSubscription = fanout.subscribe(Topic.dialogSeat(dialogId, seat), stream::live);
        }
    }

    void unfollow(UUID dialogId) {
        DialogStream stream = dialogs.remove(dialogId);
        if (stream != null) {
            stream.subscription.close();
            synchronized (stream) {
                if (stream.seatSubscription != null) {
                    stream.seatSubscription.close();
                }
            }
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
        outbox.close(status);
    }

    /**
     * Frames of one dialog for one connection. While a replay runs, live frames wait; afterwards every event
     * whose sequence was already sent is dropped. Events that overtook an earlier one (two writers commit in one
     * order and publish in the other) wait for it, so the client sees each sequence once, in order.
     */
    static final class DialogStream {

        /** How long an event waits for an earlier one that was committed but not yet published. */
        static final Duration GAP_PATIENCE = Duration.ofSeconds(2);

        /** Queues a replayed frame, pacing the replay to the client; false once the socket is closed. */
        interface Replay {
            boolean put(String json);
        }

        private final Consumer<String> out;
        private final Replay replay;
        private final List<Fanout.Delivery> held = new ArrayList<>();
        private final NavigableMap<Long, String> early = new TreeMap<>();
        private Fanout.Subscription subscription;
        private Fanout.Subscription seatSubscription;
        private DialogRole seat;
        private long lastSentSeq = -1;
        private boolean replaying = true;
        private int gaps;

        DialogStream(Consumer<String> out, Replay replay) {
            this.out = out;
            this.replay = replay;
        }

        /** From now on live frames wait; the client has everything up to {@code afterSeq}. */
        synchronized void startReplay(long afterSeq) {
            replaying = true;
            lastSentSeq = afterSeq;
            early.clear();
        }

        /** Live frames are held meanwhile, so the lock is not needed (nor held) while the client catches up. */
        boolean replayed(ServerMessage.Sequenced event, String json) {
            synchronized (this) {
                if (event.seq() <= lastSentSeq) {
                    return true;
                }
                lastSentSeq = event.seq();
            }
            return replay.put(json);
        }

        /**
         * Ends a replay: sends the confirmation and what arrived meanwhile, skipping what the replay already covered.
         * These go at the client's pace like the replay (a client that was behind still is), and with no lock held
         * while waiting: live frames keep joining the held ones, which this sends in order until none is left.
         */
        void finishReplay(String subscribedJson) {
            boolean open = replay.put(subscribedJson);
            while (true) {
                List<String> ready = new ArrayList<>();
                synchronized (this) {
                    if (!open || held.isEmpty()) {
                        held.clear();
                        replaying = false;
                        if (!early.isEmpty()) {
                            awaitGap(++gaps); // a wait for a gap that began while catching up ends from now on
                        }
                        return;
                    }
                    held.forEach(delivery -> deliver(delivery, ready::add));
                    held.clear();
                }
                for (String json : ready) {
                    open = open && replay.put(json);
                }
            }
        }

        synchronized void live(Fanout.Delivery delivery) {
            if (replaying) {
                held.add(delivery);
            } else {
                deliver(delivery, out);
            }
        }

        private void deliver(Fanout.Delivery delivery, Consumer<String> out) {
            if (!(delivery.message() instanceof ServerMessage.Sequenced event)) {
                out.accept(delivery.json());
                return;
            }
            if (event.seq() <= lastSentSeq) {
                return;
            }
            early.put(event.seq(), delivery.json());
            if (lastSentSeq >= 0 && event.seq() > lastSentSeq + 1) {
                if (early.size() == 1) {
                    awaitGap(++gaps);
                }
                return;
            }
            sendEarly(false, out);
        }

        /** Sends the waiting events that follow on without a gap (or all of them, when giving up on a gap). */
        private void sendEarly(boolean all, Consumer<String> out) {
            while (!early.isEmpty() && (all || early.firstKey() == lastSentSeq + 1)) {
                var next = early.pollFirstEntry();
                lastSentSeq = next.getKey();
                out.accept(next.getValue());
            }
        }

        private void awaitGap(int gap) {
            Thread.ofVirtual().start(() -> {
                try {
                    Thread.sleep(GAP_PATIENCE);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                giveUp(gap);
            });
        }

        /** The missing event never came: send what waits; the client sees the gap and resubscribes. */
        private synchronized void giveUp(int gap) {
            if (gap == gaps && !replaying) {
                sendEarly(true, out);
            }
        }
    }
}
