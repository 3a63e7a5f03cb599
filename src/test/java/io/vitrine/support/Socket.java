package io.vitrine.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/** A real WebSocket client that records every frame it receives. */
public final class Socket implements WebSocket.Listener, AutoCloseable {

    private final List<JsonNode> frames = new ArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;
    private volatile boolean closed;

    public static Socket connect(Api api) {
        return connect(api, null);
    }

    /** A shopper's socket that has said hello with the shopper's token and been welcomed. */
    public static Socket welcomed(Api shopper) {
        Socket socket = connect(shopper);
        socket.send(Map.of("type", "hello", "token", shopper.token()));
        socket.awaitType("welcome");
        return socket;
    }

    public static Socket connect(Api api, String origin) {
        var socket = new Socket();
        var builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        String cookies = api.cookieHeader();
        if (!cookies.isEmpty()) {
            builder.header("Cookie", cookies);
        }
        if (origin != null) {
            builder.header("Origin", origin);
        }
        socket.socket = builder.buildAsync(URI.create(api.base().replace("http", "ws") + "/ws"), socket).join();
        return socket;
    }

    public void send(Map<String, ?> frame) {
        sendRaw(Api.JSON.writeValueAsString(frame));
    }

    public synchronized void sendRaw(String text) {
        socket.sendText(text, true).join();
    }

    /** The next not yet awaited frame that matches, waiting up to five seconds. */
    public JsonNode await(Predicate<JsonNode> match) {
        return await(match, Duration.ofSeconds(5));
    }

    public synchronized JsonNode await(Predicate<JsonNode> match, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            for (int i = 0; i < frames.size(); i++) {
                if (match.test(frames.get(i))) {
                    JsonNode found = frames.get(i);
                    frames.remove(i);
                    return found;
                }
            }
            long left = Duration.between(Instant.now(), deadline).toMillis();
            if (left <= 0) {
                throw new AssertionError("No matching frame within " + timeout + "; received: " + frames);
            }
            try {
                wait(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    public JsonNode awaitType(String type) {
        return await(f -> type.equals(f.path("type").asString()));
    }

    /** Every frame received so far that matches, without consuming them. */
    public synchronized List<JsonNode> received(Predicate<JsonNode> match) {
        return frames.stream().filter(match).toList();
    }

    /** Forgets the frames received so far that match, so that an await sees only those that come after. */
    public synchronized void discard(Predicate<JsonNode> match) {
        frames.removeIf(match);
    }

    public boolean isClosed() {
        return closed;
    }

    /** Drops the connection without a close handshake, like a lost network. */
    public void kill() {
        socket.abort();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(2, TimeUnit.SECONDS).exceptionally(e -> null);
        }
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            JsonNode frame = Api.JSON.readTree(partial.toString());
            partial.setLength(0);
            synchronized (this) {
                frames.add(frame);
                notifyAll();
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed = true;
        return null;
    }

    public static Predicate<JsonNode> type(String type) {
        return f -> type.equals(f.path("type").asString());
    }

    public static Predicate<JsonNode> event(String kind) {
        return f -> "event".equals(f.path("type").asString()) && kind.equals(f.path("kind").asString());
    }
}
