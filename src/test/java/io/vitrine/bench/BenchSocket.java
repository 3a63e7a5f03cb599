package io.vitrine.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One client socket of the load generator. Frames are handed to a receiver as they arrive (on the client's reader
 * thread, so the receiver must be quick); until a receiver is set they queue, for the handshake frames.
 */
final class BenchSocket implements WebSocket.Listener {

    private final LinkedBlockingQueue<String> early = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    private volatile Consumer<String> receiver;
    private WebSocket socket;

    static BenchSocket open(HttpClient client, URI uri, String cookie) {
        var socket = new BenchSocket();
        var builder = client.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(30));
        if (cookie != null && !cookie.isEmpty()) {
            builder.header("Cookie", cookie);
        }
        socket.socket = builder.buildAsync(uri, socket).join();
        return socket;
    }

    /** Sends one frame and waits until the client has handed it to the network. */
    synchronized void send(String frame) {
        socket.sendText(frame, true).join();
    }

    /** The next frame containing {@code marker}, skipping others; fails after the timeout. */
    String await(String marker, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String frame = early.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (frame == null) {
                throw new IllegalStateException("No frame with " + marker + " within " + timeout);
            }
            if (frame.contains(marker)) {
                return frame;
            }
        }
    }

    void onFrames(Consumer<String> receiver) {
        this.receiver = receiver;
        early.clear();
    }

    void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "").orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null);
    }

    void abort() {
        socket.abort();
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String frame = partial.toString();
            partial.setLength(0);
            Consumer<String> to = receiver;
            if (to != null) {
                to.accept(frame);
            } else {
                early.add(frame);
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        early.add("{\"type\":\"closed\",\"code\":" + statusCode + "}");
        return CompletableFuture.completedFuture(null);
    }
}
