package io.vitrine.realtime.internal;

import io.vitrine.shared.Actor;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;

/**
 * What keeps slow and hostile clients in check: each socket writes from its own bounded queue, unauthenticated
 * sockets are few per address and short-lived, and frame budgets are shared by the sockets of one participant
 * and of one address.
 */
@Component
class SocketGuard {

    static final CloseStatus HELLO_TIMEOUT = CloseStatus.POLICY_VIOLATION.withReason("Say hello first");
    static final CloseStatus TOO_MANY_UNAUTHENTICATED = CloseStatus.SERVICE_OVERLOAD.withReason("Too many sockets");

    /** Tomcat's per-session limit on how long one blocking write may take. */
    private static final String TOMCAT_SEND_TIMEOUT = "org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT";

    private final RealtimeLimits limits;
    private final TaskScheduler scheduler;
    private final Doorman doorman;
    private final SharedBuckets participantBuckets;
    private final SharedBuckets addressBuckets;

    SocketGuard(RealtimeLimits limits, TaskScheduler scheduler) {
        this.limits = limits;
        this.scheduler = scheduler;
        this.doorman = new Doorman(limits.unauthenticatedPerAddress());
        this.participantBuckets = new SharedBuckets(limits.participantFramesPerSecond(), limits.participantBurst());
        this.addressBuckets = new SharedBuckets(limits.addressFramesPerSecond(), limits.addressBurst());
    }

    /** The socket's send queue; a write to a socket that stopped reading fails after the send timeout. */
    Outbox outbox(WebSocketSession session) {
        if (session instanceof NativeWebSocketSession nativeSession
                && nativeSession.getNativeSession() instanceof jakarta.websocket.Session tomcat) {
            tomcat.getUserProperties().put(TOMCAT_SEND_TIMEOUT, limits.sendTimeout().toMillis());
        }
        return new Outbox(session, limits.sendBufferChars());
    }

    /** How long a replay waits for a client that is behind before giving up on it. */
    Duration replayPatience() {
        return limits.sendTimeout();
    }

    static String addressOf(WebSocketSession session) {
        InetSocketAddress remote = session.getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }

    /** An unauthenticated socket costs memory: few per address, and only for a few seconds. */
    void expectHello(Connection connection) {
        if (!doorman.admit(connection.address())) {
            connection.close(TOO_MANY_UNAUTHENTICATED);
            return;
        }
        connection.awaitHello();
        try {
            scheduler.schedule(() -> {
                if (connection.actor() == null) {
                    connection.close(HELLO_TIMEOUT);
                }
            }, Instant.now().plus(limits.helloTimeout()));
        } catch (TaskRejectedException stopping) {
            // A socket that opened while the node shuts down: the client reconnects, to another node or to this one
            // once it is back.
            connection.close(CloseStatus.GOING_AWAY);
        }
    }

    /** The socket authenticated or closed: it no longer counts against its address. */
    void stopWaiting(Connection connection) {
        if (connection.stopAwaitingHello()) {
            doorman.leave(connection.address());
        }
    }

    /** The socket's own budget, and those of everyone using the same participant or address. */
    boolean allowFrame(Connection connection) {
        long now = System.nanoTime();
        String participant = switch (connection.actor()) {
            case Actor.Shopper shopper -> "shopper:" + shopper.shopperId();
            case Actor.Staff staff -> "member:" + staff.memberId();
            case null -> null;
        };
        return connection.allowFrame()
                && (participant == null || participantBuckets.tryTake(participant, now))
                && addressBuckets.tryTake(connection.address(), now);
    }
}
