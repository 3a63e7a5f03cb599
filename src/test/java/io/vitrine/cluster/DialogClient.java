package io.vitrine.cluster;

import io.vitrine.support.Api;
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

/**
 * One participant's page following one dialog the way socket.js does: a socket that says hello (shoppers) or
 * carries the login cookie (staff), subscribes after the last sequence it showed, and, once its node is gone,
 * opens a new socket wherever it is sent and resumes from there. It keeps what a user would notice: the events
 * shown, in order, and any shown twice or skipped.
 */
final class DialogClient implements WebSocket.Listener {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final String name;
    private final String token;
    private final String cookies;
    private final String dialogId;
    private final List<JsonNode> shown = new ArrayList<>();
    private final List<JsonNode> frames = new ArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private long lastSeq;
    private int duplicates;
    private int gaps;
    private int resets;
    private WebSocket socket;
    private boolean closed = true;
    private Instant closedAt;

    private DialogClient(String name, String token, String cookies, String dialogId) {
        this.name = name;
        this.token = token;
        this.cookies = cookies;
        this.dialogId = dialogId;
    }

    static DialogClient shopper(String name, String token, String dialogId) {
        return new DialogClient(name, token, null, dialogId);
    }

    static DialogClient staff(String name, Api loggedIn, String dialogId) {
        return new DialogClient(name, null, loggedIn.cookieHeader(), dialogId);
    }

    /** Opens a socket to the port and resumes the dialog on it; fails when that does not work. */
    DialogClient open(int port) {
        var builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(3));
        if (cookies != null && !cookies.isEmpty()) {
            builder.header("Cookie", cookies);
        }
        WebSocket opened = builder.buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), this)
                .orTimeout(5, TimeUnit.SECONDS).join();
        long resumeAfter;
        synchronized (this) {
            socket = opened;
            closed = false;
            frames.clear();
            resumeAfter = lastSeq;
        }
        if (token != null) {
            send(Map.of("type", "hello", "token", token));
        }
        await(f -> is(f, "welcome"), Duration.ofSeconds(10));
        send(Map.of("type", "subscribe", "dialogId", dialogId, "afterSeq", resumeAfter));
        await(f -> is(f, "subscribed"), Duration.ofSeconds(10));
        return this;
    }

    /** Tries again and again, as the page does, until a socket through the port has resumed; returns how long. */
    Duration reconnect(int port, Instant since, Duration patience) {
        Instant deadline = Instant.now().plus(patience);
        RuntimeException last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                open(port);
                return Duration.between(since, Instant.now());
            } catch (RuntimeException | AssertionError e) {
                last = e instanceof RuntimeException r ? r : new IllegalStateException(e);
                abort();
                pause(Duration.ofMillis(50));
            }
        }
        throw new AssertionError(name + " could not resume within " + patience, last);
    }

    synchronized void send(Map<String, ?> frame) {
        socket.sendText(Api.JSON.writeValueAsString(frame), true).orTimeout(5, TimeUnit.SECONDS).join();
    }

    /** Says something and waits for its event: then it is stored, with its place in the timeline. */
    JsonNode say(String text) {
        String ref = name + "-" + text.hashCode() + "-" + System.nanoTime();
        send(Map.of("type", "say", "dialogId", dialogId, "text", text, "clientRef", ref));
        return awaitShown(f -> ref.equals(f.path("clientRef").asString(null)), Duration.ofSeconds(30));
    }

    /** The next not yet awaited frame that matches (events included). */
    synchronized JsonNode await(Predicate<JsonNode> match, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            for (int i = 0; i < frames.size(); i++) {
                if (match.test(frames.get(i))) {
                    return frames.remove(i);
                }
            }
            long left = Duration.between(Instant.now(), deadline).toMillis();
            if (left <= 0) {
                throw new AssertionError(name + ": no matching frame within " + timeout + "; received: " + frames);
            }
            waitUpTo(left);
        }
    }

    /** Waits until an event that matches has been shown, on this socket or an earlier one. */
    synchronized JsonNode awaitShown(Predicate<JsonNode> match, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            for (JsonNode event : shown) {
                if (match.test(event)) {
                    return event;
                }
            }
            long left = Duration.between(Instant.now(), deadline).toMillis();
            if (left <= 0) {
                throw new AssertionError(name + ": no such event shown within " + timeout + "; shown: " + shown);
            }
            waitUpTo(left);
        }
    }

    /** Waits until the socket closed under the client (its node died); returns when it noticed. */
    synchronized Instant awaitClosed(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (!closed) {
            long left = Duration.between(Instant.now(), deadline).toMillis();
            if (left <= 0) {
                throw new AssertionError(name + ": the socket stayed open for " + timeout);
            }
            waitUpTo(left);
        }
        return closedAt;
    }

    synchronized List<JsonNode> shown() {
        return List.copyOf(shown);
    }

    synchronized int duplicates() {
        return duplicates;
    }

    synchronized int gaps() {
        return gaps;
    }

    synchronized int resets() {
        return resets;
    }

    void abort() {
        WebSocket current;
        synchronized (this) {
            current = socket;
            closedAt = closed ? closedAt : Instant.now();
            closed = true;
            notifyAll();
        }
        if (current != null) {
            current.abort();
        }
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            JsonNode frame = Api.JSON.readTree(partial.toString());
            partial.setLength(0);
            received(webSocket, frame);
        }
        webSocket.request(1);
        return null;
    }

    private synchronized void received(WebSocket from, JsonNode frame) {
        if (from != socket) {
            return; // a late frame of a socket already given up
        }
        if (is(frame, "event") && dialogId.equals(frame.path("dialogId").asString())) {
            long seq = frame.path("seq").asLong();
            if (seq <= lastSeq) {
                duplicates++;
            } else {
                gaps += seq == lastSeq + 1 ? 0 : 1;
                lastSeq = seq;
                shown.add(frame);
            }
        } else if (is(frame, "reset")) {
            resets++;
            lastSeq = 0;
        }
        frames.add(frame);
        notifyAll();
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closedUnder(webSocket);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closedUnder(webSocket);
    }

    private synchronized void closedUnder(WebSocket webSocket) {
        if (webSocket == socket && !closed) {
            closed = true;
            closedAt = Instant.now();
            notifyAll();
        }
    }

    static boolean is(JsonNode frame, String type) {
        return type.equals(frame.path("type").asString());
    }

    private void waitUpTo(long millis) {
        try {
            wait(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void pause(Duration duration) {
        try {
            TimeUnit.MILLISECONDS.sleep(duration.toMillis()); // between connection attempts, as the page backs off
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
