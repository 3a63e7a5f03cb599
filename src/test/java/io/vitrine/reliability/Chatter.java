package io.vitrine.reliability;

import io.vitrine.support.Api;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/**
 * A shopper chatting in one dialog the way socket.js does: each message is acknowledged by its {@code event} echo,
 * the connection drops now and then (and for good when the server dies), and every reconnect resumes with
 * {@code afterSeq} = the last sequence seen. It counts what a user would notice: events shown twice, out of order
 * or with a gap, and resets.
 */
final class Chatter implements Runnable {

    private static final JsonNode CLOSED = Api.JSON.createObjectNode().put("type", "closed");

    final Map<String, Long> acknowledged = new ConcurrentHashMap<>();
    final AtomicInteger sent = new AtomicInteger();
    final AtomicInteger drops = new AtomicInteger();
    final AtomicInteger duplicates = new AtomicInteger();
    final AtomicInteger gaps = new AtomicInteger();
    final AtomicInteger resets = new AtomicInteger();
    final List<String> errors = new ArrayList<>();

    private final String base;
    private final String token;
    private final String dialogId;
    private final String name;
    private final AtomicBoolean stop;
    private final Random random;
    private long lastSeq;
    private volatile String lastFailure;
    private Feed feed;

    Chatter(String base, String token, String dialogId, String name, AtomicBoolean stop, long seed) {
        this.base = base;
        this.token = token;
        this.dialogId = dialogId;
        this.name = name;
        this.stop = stop;
        this.random = new Random(seed);
    }

    @Override
    public String toString() {
        return name + ": sent " + sent + ", acknowledged " + acknowledged.size() + ", shown twice " + duplicates
                + ", gaps " + gaps + ", resets " + resets + ", drops " + drops + ", last seq " + lastSeq
                + ", last failure " + lastFailure + ", errors " + errors.stream().limit(3).toList();
    }

    String dialogId() {
        return dialogId;
    }

    @Override
    public void run() {
        int counter = 0;
        while (!stop.get()) {
            if (feed == null && (feed = connect()) == null) {
                pauseBeforeRetry();
                continue;
            }
            String ref = name + "-" + (++counter);
            if (!feed.send(Map.of("type", "say", "dialogId", dialogId, "text", "message " + ref, "clientRef", ref))) {
                feed = null;
                continue;
            }
            sent.incrementAndGet();
            if (!awaitEcho(ref) || random.nextInt(40) == 0) {
                drops.incrementAndGet();
                feed.abort();
                feed = null;
            }
        }
        if (feed != null) {
            feed.abort();
        }
    }

    /** Opens a socket, says hello and resumes after the last sequence seen; null while the server is away. */
    private Feed connect() {
        try {
            Feed opened = Feed.open(base);
            opened.send(Map.of("type", "hello", "token", token));
            if (next(opened, "welcome") && opened.send(Map.of("type", "subscribe", "dialogId", dialogId, "afterSeq", lastSeq))
                    && next(opened, "subscribed")) {
                return opened;
            }
            lastFailure = "no welcome or subscribed: " + opened.frames;
            opened.abort();
        } catch (RuntimeException e) {
            // The server is down or restarting: try again.
            lastFailure = e + " / " + (e.getCause() == null ? "" : e.getCause().getMessage());
        }
        return null;
    }

    private boolean awaitEcho(String ref) {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            JsonNode frame = feed.poll(deadline);
            if (frame == null || frame == CLOSED) {
                return false;
            }
            handle(frame);
            if (ref.equals(frame.path("clientRef").asString(null))) {
                return true;
            }
        }
        return false;
    }

    /** Reads frames until one of the type arrives; false when the socket closes or nothing comes in time. */
    private boolean next(Feed source, String type) {
        Instant deadline = Instant.now().plusSeconds(30);
        JsonNode frame;
        while ((frame = source.poll(deadline)) != null && frame != CLOSED) {
            handle(frame);
            if (type.equals(frame.path("type").asString())) {
                return true;
            }
        }
        return false;
    }

    private void handle(JsonNode frame) {
        switch (frame.path("type").asString()) {
            case "event" -> shown(frame);
            case "reset" -> {
                resets.incrementAndGet();
                lastSeq = 0;
            }
            case "error" -> {
                synchronized (errors) {
                    errors.add(frame.toString());
                }
            }
            default -> { }
        }
    }

    private void shown(JsonNode event) {
        long seq = event.path("seq").asLong();
        if (seq <= lastSeq) {
            duplicates.incrementAndGet();
            return;
        }
        if (seq != lastSeq + 1) {
            gaps.incrementAndGet();
        }
        lastSeq = seq;
        String ref = event.path("clientRef").asString(null);
        if (ref != null && ref.startsWith(name + "-")) {
            acknowledged.put(ref, seq);
        }
    }

    private static void pauseBeforeRetry() {
        try {
            TimeUnit.MILLISECONDS.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One WebSocket whose frames queue up in arrival order. */
    private static final class Feed implements WebSocket.Listener {

        /** One client for all sockets: a client per attempt would pile up selector threads while the server is down. */
        private static final HttpClient HTTP = HttpClient.newHttpClient();

        private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();
        private WebSocket socket;

        static Feed open(String base) {
            Feed feed = new Feed();
            feed.socket = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                    .buildAsync(URI.create(base.replace("http", "ws") + "/ws"), feed).orTimeout(10, TimeUnit.SECONDS).join();
            return feed;
        }

        boolean send(Map<String, ?> frame) {
            try {
                socket.sendText(Api.JSON.writeValueAsString(frame), true).get(10, TimeUnit.SECONDS);
                return true;
            } catch (Exception e) {
                return false;
            }
        }

        JsonNode poll(Instant deadline) {
            try {
                return frames.poll(Math.max(0, Duration.between(Instant.now(), deadline).toMillis()), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return CLOSED;
            }
        }

        void abort() {
            socket.abort();
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                frames.add(Api.JSON.readTree(partial.toString()));
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            frames.add(CLOSED);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            frames.add(CLOSED);
        }
    }
}
