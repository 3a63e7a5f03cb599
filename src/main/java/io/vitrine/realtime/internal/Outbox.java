package io.vitrine.realtime.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * The frames waiting to be written to one socket, written in order by one virtual thread of their own. Whoever
 * sends (another member's {@code say}, the fan-out, a replay) only queues, so a socket that stops reading slows
 * down nobody but itself. A socket whose queue outgrows its budget, or whose write fails, is closed with
 * {@link #TOO_SLOW}; the client reconnects and resumes from its last sequence.
 */
final class Outbox {

    /** Resumable: the client reconnects and subscribes with its last {@code seq}. */
    static final CloseStatus TOO_SLOW = new CloseStatus(4500, "Too slow; reconnect and resume");

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    private final WebSocketSession session;
    private final int limitChars;
    private final Queue<String> queue = new ArrayDeque<>();
    private long queuedChars;
    private boolean draining;
    private boolean closed;
    private CloseStatus closeAfterDrain;

    Outbox(WebSocketSession session, int limitChars) {
        this.session = session;
        this.limitChars = limitChars;
    }

    /** Queues a frame without ever waiting; false when the socket is (now) closed. */
    boolean offer(String json) {
        synchronized (this) {
            if (closed) {
                return false;
            }
            if (queuedChars + json.length() > limitChars && !queue.isEmpty()) {
                log.debug("Socket {} is not reading; {} characters wait", session.getId(), queuedChars);
                abandon();
            } else {
                queue.add(json);
                queuedChars += json.length();
                if (!draining) {
                    draining = true;
                    Thread.ofVirtual().name("ws-out-" + session.getId()).start(this::drain);
                }
                return true;
            }
        }
        closeInBackground(TOO_SLOW);
        return false;
    }

    /** Closes the socket after what is queued has been written (or immediately, when nothing is). */
    void close(CloseStatus status) {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            if (draining) {
                closeAfterDrain = status;
                return;
            }
        }
        closeInBackground(status);
    }

    /**
     * Queues a frame of a replay, waiting (on the replaying client's own thread) while the queue is full, so a
     * long timeline streams at the pace the client reads it. False when the socket is (now) closed.
     */
    boolean put(String json, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        synchronized (this) {
            while (!closed && !queue.isEmpty() && queuedChars + json.length() > limitChars) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }
        return offer(json);
    }

    private void drain() {
        while (true) {
            String next;
            synchronized (this) {
                next = queue.poll();
                if (next == null) {
                    draining = false;
                    if (closeAfterDrain != null) {
                        closeInBackground(closeAfterDrain);
                    }
                    return;
                }
                queuedChars -= next.length();
                notifyAll();
            }
            if (!write(next)) {
                return;
            }
        }
    }

    private boolean write(String json) {
        try {
            session.sendMessage(new TextMessage(json));
            return true;
        } catch (IOException | RuntimeException e) {
            // Broken, closed or timed out (the container's send timeout): the client resumes by replay.
            log.debug("Writing to socket {} failed: {}", session.getId(), e.toString());
            synchronized (this) {
                abandon();
                draining = false;
            }
            closeInBackground(TOO_SLOW);
            return false;
        }
    }

    private void abandon() {
        closed = true;
        notifyAll();
        queue.clear();
        queuedChars = 0;
    }

    /** Closing writes a close frame, which may block on a stuck socket; never on the caller's thread. */
    private void closeInBackground(CloseStatus status) {
        Thread.ofVirtual().name("ws-close-" + session.getId()).start(() -> {
            try {
                session.close(status);
            } catch (IOException | RuntimeException e) {
                log.debug("Closing socket {} failed: {}", session.getId(), e.toString());
            }
        });
    }
}
