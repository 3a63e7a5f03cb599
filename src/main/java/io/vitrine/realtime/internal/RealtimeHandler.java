package io.vitrine.realtime.internal;

import io.vitrine.shared.Actor;
import io.vitrine.merchant.Member;
import io.vitrine.merchant.StaffPrincipal;
import io.vitrine.merchant.TeamApi;
import io.vitrine.realtime.ConnectionEvents;
import io.vitrine.realtime.FrameHandler;
import io.vitrine.realtime.fanout.Fanout;
import io.vitrine.realtime.fanout.Topic;
import io.vitrine.realtime.protocol.ServerMessage;
import io.vitrine.shared.DomainException;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Opens and closes connections, and passes each client frame, read and checked by the {@link FrameRegistry},
 * to its {@link FrameHandler} within the connection's frame budgets.
 */
@Component
class RealtimeHandler extends TextWebSocketHandler {

    private static final Logger log = LoggerFactory.getLogger(RealtimeHandler.class);

    private final Connections connections;
    private final FrameRegistry registry;
    private final ObjectWriter writer;
    private final Fanout fanout;
    private final ObjectProvider<ConnectionEvents> events;
    private final TeamApi team;
    private final Streams streams;
    private final PeerAnnouncements announcements;
    private final CustomerConnections customers;
    private final RealtimeProperties settings;
    private final SocketGuard guard;
    private final DialogFollowing following;

    RealtimeHandler(Connections connections, FrameRegistry registry, JsonMapper json, Fanout fanout,
            ObjectProvider<ConnectionEvents> events, TeamApi team, Streams streams, PeerAnnouncements announcements,
            CustomerConnections customers, RealtimeProperties properties, SocketGuard guard, DialogFollowing following) {
        this.connections = connections;
        this.registry = registry;
        this.writer = json.writerFor(ServerMessage.class);
        this.fanout = fanout;
        this.events = events;
        this.team = team;
        this.streams = streams;
        this.announcements = announcements;
        this.customers = customers;
        this.settings = properties;
        this.guard = guard;
        this.following = following;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession raw) {
        long now = System.nanoTime();
        var connection = new Connection(raw, guard.outbox(raw), SocketGuard.addressOf(raw), guard.replayPatience(),
                new TokenBucket(settings.framesPerSecond(), settings.burst(), now),
                new TokenBucket(settings.signalsPerSecond(), settings.signalBurst(), now));
        connections.add(connection);
        if (raw.getPrincipal() instanceof Authentication auth && auth.getPrincipal() instanceof StaffPrincipal staff) {
            connectStaff(connection, staff);
        } else {
            guard.expectHello(connection);
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        Connection connection = connections.remove(session.getId());
        if (connection == null) {
            return;
        }
        guard.stopWaiting(connection);
        Set<UUID> followed = connection.followed();
        connection.release();
        streams.leaveAll(connection).forEach(announcements::publishPeers);
        if (connection.actor() instanceof Actor.Shopper shopper) {
            followed.forEach(dialogId -> customers.left(dialogId, shopper));
        }
    }

    /**
     * Frames are JSON text. The close goes through the socket's queue, like those for a frame too big or against the
     * rules: closing straight from here could meet a frame still being written, and the container then drops the
     * socket without a close frame.
     */
    @Override
    protected void handleBinaryMessage(WebSocketSession session, BinaryMessage message) {
        Connection connection = connections.get(session.getId());
        if (connection != null) {
            connection.close(CloseStatus.NOT_ACCEPTABLE.withReason("Binary frames are not supported; send JSON text"));
        }
    }

    /** Frames larger than the container's small text buffer arrive in parts (see {@link PartialFrames}). */
    @Override
    public boolean supportsPartialMessages() {
        return true;
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage text) {
        Connection connection = connections.get(session.getId());
        if (connection == null) {
            return;
        }
        String json;
        switch (PartialFrames.add(session, text)) {
            case PartialFrames.Part.Whole whole -> json = whole.json();
            case PartialFrames.Part.Incomplete incomplete -> {
                return;
            }
            case PartialFrames.Part.TooBig tooBig -> {
                connection.close(CloseStatus.TOO_BIG_TO_PROCESS);
                return;
            }
        }
        FrameRegistry.Frame<?> frame;
        try {
            frame = registry.parse(json);
        } catch (FrameRegistry.ProtocolError e) {
            if (guard.allowFrame(connection)) {
                send(connection, new ServerMessage.Error(e.code(), e.getMessage(), null));
            }
            return;
        }
        UUID dialogId = frame.message().dialogId();
        boolean signalling = frame.handler().budget() == FrameHandler.Budget.SIGNALLING;
        if (!(signalling ? connection.allowSignal() : guard.allowFrame(connection))) {
            send(connection, new ServerMessage.Error("rate_limited", "Too many frames; this one was dropped. Slow down.",
                    dialogId));
            return;
        }
        try {
            if (frame.handler().needsIdentity() && connection.actor() == null) {
                throw new DomainException(DomainException.Kind.UNAUTHENTICATED, "unauthenticated",
                        "Send 'hello' with your token first.");
            }
            frame.dispatch(new Caller(connection, writer, following));
        } catch (DomainException e) {
            send(connection, new ServerMessage.Error(e.code(), e.getMessage(), dialogId));
        } catch (RuntimeException e) {
            log.error("Handling a '{}' frame failed", frame.handler().wireType(), e);
            send(connection, new ServerMessage.Error("internal", "Something went wrong on our side; please try again.",
                    dialogId));
        }
    }

    private void connectStaff(Connection connection, StaffPrincipal principal) {
        Member member = team.findMember(principal.memberId()).orElse(null);
        if (member == null) {
            connection.close(CloseStatus.POLICY_VIOLATION);
            return;
        }
        var staff = new Actor.Staff(member.id(), member.merchantId(), principal.isAdmin());
        connection.identify(staff, member.displayName());
        connection.addPersonal(fanout.subscribe(Topic.staff(member.merchantId()), d -> connection.send(d.json())));
        connection.addPersonal(fanout.subscribe(Topic.member(member.id()), d -> connection.send(d.json())));
        team.markSeen(Set.of(member.id()));
        send(connection, new ServerMessage.Welcome("staff", member.id(), member.displayName()));
        send(connection, new ServerMessage.PresenceUpdate(member.id(), member.presence()));
        events.orderedStream().forEach(listener -> listener.staffConnected(staff, frame -> send(connection, frame)));
    }

    private void send(Connection connection, ServerMessage message) {
        connection.send(writer.writeValueAsString(message));
    }
}
