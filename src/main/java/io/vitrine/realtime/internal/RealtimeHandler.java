package io.vitrine.realtime.internal;

import io.vitrine.dialog.Actor;
import io.vitrine.dialog.CoopApi;
import io.vitrine.dialog.CustomerPresenceApi;
import io.vitrine.dialog.DialogApi;
import io.vitrine.dialog.DialogMode;
import io.vitrine.dialog.Membership;
import io.vitrine.dialog.Permission;
import io.vitrine.dialog.PermissionMatrix;
import io.vitrine.dialog.DialogStatus;
import io.vitrine.dialog.DialogView;
import io.vitrine.dialog.TimelineEvent;
import io.vitrine.media.IceServer;
import io.vitrine.media.MediaApi;
import io.vitrine.media.SdpPolicy;
import io.vitrine.merchant.Member;
import io.vitrine.merchant.StaffPrincipal;
import io.vitrine.merchant.TeamApi;
import io.vitrine.realtime.fanout.Fanout;
import io.vitrine.realtime.fanout.Topic;
import io.vitrine.realtime.protocol.ClientMessage;
import io.vitrine.realtime.protocol.ServerMessage;
import io.vitrine.shared.Avatar;
import io.vitrine.shared.DomainException;
import io.vitrine.shared.VitrineProperties;
import io.vitrine.shopper.ShopperApi;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/** Reads client frames, checks them, and turns them into calls on the dialog module. */
@Component
class RealtimeHandler extends TextWebSocketHandler {

    private static final Logger log = LoggerFactory.getLogger(RealtimeHandler.class);
    private static final Set<String> TYPES = Set.of("hello", "subscribe", "unsubscribe", "say", "typing", "ping",
            "stream", "signal", "media");

    private final Map<String, Connection> connections = new ConcurrentHashMap<>();
    private final JsonMapper json;
    private final ObjectWriter writer;
    private final Validator validator;
    private final Fanout fanout;
    private final DialogApi dialogs;
    private final ShopperApi shoppers;
    private final TeamApi team;
    private final Streams streams;
    private final MediaApi media;
    private final CoopApi coop;
    private final CustomerPresenceApi customerPresence;
    private final TaskScheduler scheduler;
    private final VitrineProperties.Realtime settings;
    private final Duration guestGrace;
    private final SocketGuard guard;

    RealtimeHandler(JsonMapper json, Validator validator, Fanout fanout, DialogApi dialogs, ShopperApi shoppers,
            TeamApi team, Streams streams, MediaApi media, CoopApi coop, CustomerPresenceApi customerPresence,
            TaskScheduler scheduler, VitrineProperties properties, SocketGuard guard) {
        this.json = json;
        this.writer = json.writerFor(ServerMessage.class);
        this.validator = validator;
        this.fanout = fanout;
        this.dialogs = dialogs;
        this.shoppers = shoppers;
        this.team = team;
        this.streams = streams;
        this.media = media;
        this.coop = coop;
        this.customerPresence = customerPresence;
        this.scheduler = scheduler;
        this.settings = properties.realtime();
        this.guestGrace = properties.presence().grace();
        this.guard = guard;
    }

    /** Members with a console open on this node. */
    Set<UUID> connectedMembers() {
        Set<UUID> members = ConcurrentHashMap.newKeySet();
        connections.values().forEach(c -> {
            if (c.actor() instanceof Actor.Staff staff) {
                members.add(staff.memberId());
            }
        });
        return members;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession raw) {
        long now = System.nanoTime();
        var connection = new Connection(raw, guard.outbox(raw), SocketGuard.addressOf(raw), guard.replayPatience(),
                new TokenBucket(settings.framesPerSecond(), settings.burst(), now),
                new TokenBucket(settings.signalsPerSecond(), settings.signalBurst(), now));
        connections.put(raw.getId(), connection);
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
        streams.leaveAll(connection).forEach(this::publishPeers);
        if (connection.actor() instanceof Actor.Shopper shopper) {
            followed.forEach(dialogId -> checkLaterWhetherGone(dialogId, shopper));
            followed.forEach(this::noteIfCustomersGone);
        }
    }

    /** Dialogs a customer follows on this node; the heartbeat keeps them marked as attended. */
    Set<UUID> dialogsWithCustomers() {
        Set<UUID> dialogIds = ConcurrentHashMap.newKeySet();
        connections.values().stream().filter(c -> c.actor() instanceof Actor.Shopper)
                .forEach(c -> dialogIds.addAll(c.followed()));
        return dialogIds;
    }

    /** With no customer connection to the dialog left here, it is marked; a dialog left so for the grace ends. */
    private void noteIfCustomersGone(UUID dialogId) {
        boolean anyLeft = connections.values().stream()
                .anyMatch(c -> c.actor() instanceof Actor.Shopper && c.follows(dialogId));
        if (!anyLeft) {
            try {
                customerPresence.customersGone(dialogId);
            } catch (RuntimeException e) {
                log.warn("Could not note that the customers of dialog {} are gone", dialogId, e);
            }
        }
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage frame) {
        Connection connection = connections.get(session.getId());
        if (connection == null) {
            return;
        }
        ClientMessage message;
        try {
            message = parse(frame.getPayload());
        } catch (ProtocolError e) {
            if (guard.allowFrame(connection)) {
                send(connection, new ServerMessage.Error(e.code, e.getMessage(), null));
            }
            return;
        }
        boolean media = message instanceof ClientMessage.Signal || message instanceof ClientMessage.Media;
        if (!(media ? connection.allowSignal() : guard.allowFrame(connection))) {
            send(connection, new ServerMessage.Error("rate_limited", "Too many frames; this one was dropped. Slow down.",
                    message.dialogId()));
            return;
        }
        try {
            handle(connection, message);
        } catch (DomainException e) {
            send(connection, new ServerMessage.Error(e.code(), e.getMessage(), message.dialogId()));
        } catch (RuntimeException e) {
            log.error("Handling {} failed", message.getClass().getSimpleName(), e);
            send(connection, new ServerMessage.Error("internal", "Something went wrong on our side; please try again.",
                    message.dialogId()));
        }
    }

    private void handle(Connection connection, ClientMessage message) {
        switch (message) {
            case ClientMessage.Ping ping -> send(connection, new ServerMessage.Pong());
            case ClientMessage.Hello hello -> hello(connection, hello);
            case ClientMessage.Subscribe s -> subscribe(connection, identified(connection), s.dialogId(), s.afterSeq());
            case ClientMessage.Unsubscribe u -> unsubscribe(connection, identified(connection), u.dialogId());
            case ClientMessage.Say say -> dialogs.say(say.dialogId(), identified(connection), say.text(), say.clientRef());
            case ClientMessage.Typing typing -> {
                Avatar me = dialogs.participant(typing.dialogId(), identified(connection));
                fanout.publish(Topic.dialog(typing.dialogId()),
                        new ServerMessage.Typing(typing.dialogId(), me.participantId(), me.name()));
            }
            case ClientMessage.Stream s -> joinStream(connection, identified(connection), s.dialogId(), s.peerId());
            case ClientMessage.Signal signal -> relay(connection, signal);
            case ClientMessage.Media m -> {
                Streams.Peer me = peerOf(connection, m.dialogId());
                boolean camera = m.camera() && PermissionMatrix.allows(me.role(), Permission.PUBLISH_VIDEO);
                streams.announce(m.dialogId(), me.participantId(), new Streams.MediaState(m.mic(), camera));
                fanout.publish(Topic.dialog(m.dialogId()), new ServerMessage.Media(m.dialogId(), me.participantId(), m.mic(), camera));
            }
        }
    }

    private void unsubscribe(Connection connection, Actor actor, UUID dialogId) {
        connection.unfollow(dialogId);
        Streams.Peer left = streams.leave(dialogId, connection);
        if (left != null) {
            publishPeers(dialogId, left);
        }
        if (actor instanceof Actor.Shopper shopper) {
            checkLaterWhetherGone(dialogId, shopper);
            noteIfCustomersGone(dialogId);
        }
    }

    /** A present participant of a live video dialog becomes a peer of its stream. */
    private void joinStream(Connection connection, Actor actor, UUID dialogId, String previousPeerId) {
        if (!connection.follows(dialogId)) {
            throw DomainException.invalid("Subscribe to the dialog before joining its stream.");
        }
        DialogView view = dialogs.view(dialogId, actor);
        Membership you = dialogs.membership(dialogId, actor);
        if (!you.present() || !you.permissions().contains(Permission.SPEAK)) {
            throw DomainException.forbidden("Only the participants present in this dialog take part in its stream.");
        }
        if (view.status() != DialogStatus.ACTIVE) {
            throw DomainException.conflict("not_live", "The stream starts once an expert has accepted the dialog.");
        }
        if (view.mode() != DialogMode.VIDEO) {
            throw DomainException.conflict("text_only", "This dialog runs as text only.");
        }
        List<IceServer> iceServers = media.iceServers(you.participantId());
        // Joining, answering and announcing happen as one step per node, so no other peer's announcement can
        // overtake this connection's answer and leave it with an outdated list.
        synchronized (streams) {
            Streams.Joined joined = streams.join(dialogId, connection, you.participantId(), you.role(), actor,
                    previousPeerId);
            Streams.Peer me = joined.peer();
            send(connection, new ServerMessage.Stream(dialogId, you.participantId(), me.id(),
                    PermissionMatrix.allows(you.role(), Permission.PUBLISH_VIDEO), iceServers, streams.peers(dialogId)));
            streams.mediaStates(dialogId).forEach((participantId, state) -> send(connection,
                    new ServerMessage.Media(dialogId, participantId, state.mic(), state.camera())));
            if (joined.changed()) {
                publishPeers(dialogId, me);
            }
        }
    }

    /** Passes an offer, answer or candidate to the one connection of the addressed peer; customers may not send video. */
    private void relay(Connection connection, ClientMessage.Signal signal) {
        Streams.Peer from = peerOf(connection, signal.dialogId());
        if (signal.description() != null && SdpPolicy.sendsVideo(signal.description().sdp())
                && !PermissionMatrix.allows(from.role(), Permission.PUBLISH_VIDEO)) {
            throw DomainException.forbidden(Permission.PUBLISH_VIDEO.refusal());
        }
        Connection target = streams.connectionOf(signal.dialogId(), signal.to());
        if (target == null) {
            throw DomainException.conflict("not_in_stream", "That peer is not in the stream (any more).");
        }
        send(target, new ServerMessage.Signal(signal.dialogId(), from.id(), from.participantId(),
                signal.description(), signal.candidate()));
    }

    private Streams.Peer peerOf(Connection connection, UUID dialogId) {
        identified(connection);
        Streams.Peer peer = streams.peerOf(dialogId, connection);
        if (peer == null) {
            throw DomainException.conflict("not_in_stream", "Join the dialog's stream (send 'stream') first.");
        }
        return peer;
    }

    /**
     * Announces a dialog's peers after {@code changed} joined or left it, and the peers of the other dialogs that
     * person has been in, whose {@code elsewhere} follows them (an expert going on camera in another dialog).
     */
    private void publishPeers(UUID dialogId, Streams.Peer changed) {
        synchronized (streams) {
            fanout.publish(Topic.dialog(dialogId), streams.peersFrame(dialogId));
            for (UUID other : streams.otherDialogsOf(dialogId, changed.actor())) {
                fanout.publish(Topic.dialog(other), streams.peersFrame(other));
            }
        }
    }

    /** A Guest whose connections all stay away for the grace period has left the stream. */
    private void checkLaterWhetherGone(UUID dialogId, Actor.Shopper shopper) {
        scheduler.schedule(() -> {
            boolean back = connections.values().stream().anyMatch(c -> c.follows(dialogId)
                    && c.actor() instanceof Actor.Shopper s && s.shopperId().equals(shopper.shopperId()));
            if (!back) {
                try {
                    coop.disconnected(dialogId, shopper.shopperId());
                } catch (RuntimeException e) {
                    log.warn("Could not mark a disconnected guest of dialog {} as gone", dialogId, e);
                }
            }
        }, Instant.now().plus(guestGrace));
    }

    private static Actor identified(Connection connection) {
        Actor actor = connection.actor();
        if (actor == null) {
            throw new DomainException(DomainException.Kind.UNAUTHENTICATED, "unauthenticated",
                    "Send 'hello' with your token first.");
        }
        return actor;
    }

    private void hello(Connection connection, ClientMessage.Hello hello) {
        if (connection.actor() instanceof Actor.Staff staff) {
            send(connection, new ServerMessage.Welcome("staff", staff.memberId(), connection.name()));
            return;
        }
        var shopper = shoppers.authenticate(hello.token()).orElseThrow(() -> new DomainException(
                DomainException.Kind.UNAUTHENTICATED, "unauthenticated", "This shopper token is not known."));
        connection.identify(new Actor.Shopper(shopper.id(), shopper.merchantId()), shopper.screenName());
        guard.stopWaiting(connection);
        send(connection, new ServerMessage.Welcome("shopper", shopper.id(), shopper.screenName()));
    }

    private void connectStaff(Connection connection, StaffPrincipal principal) {
        Member member = team.findMember(principal.memberId()).orElse(null);
        if (member == null) {
            connection.close(CloseStatus.POLICY_VIOLATION);
            return;
        }
        connection.identify(new Actor.Staff(member.id(), member.merchantId(), principal.isAdmin()), member.displayName());
        connection.addPersonal(fanout.subscribe(Topic.staff(member.merchantId()), d -> connection.send(d.json())));
        connection.addPersonal(fanout.subscribe(Topic.member(member.id()), d -> connection.send(d.json())));
        team.markSeen(Set.of(member.id()));
        send(connection, new ServerMessage.Welcome("staff", member.id(), member.displayName()));
        send(connection, new ServerMessage.PresenceUpdate(member.id(), member.presence()));
        send(connection, ServerMessage.StaffQueueUpdate.of(dialogs.staffQueue(member.merchantId())));
    }

    /**
     * Follows first, then replays from storage page by page, so no event can fall between the two. A client ahead
     * of the stored timeline is told to reset and gets the timeline from the start, never silence.
     */
    private void subscribe(Connection connection, Actor actor, UUID dialogId, long afterSeq) {
        DialogView view = dialogs.view(dialogId, actor);
        if (actor instanceof Actor.Shopper) {
            customerPresence.customersConnected(Set.of(dialogId));
        }
        Connection.DialogStream stream = connection.stream(dialogId, fanout);
        long from = afterSeq > view.lastSeq() ? 0 : afterSeq;
        stream.startReplay(from);
        try {
            if (from != afterSeq) {
                send(connection, new ServerMessage.Reset(dialogId, view.lastSeq()));
            }
            List<TimelineEvent> page;
            while (!(page = dialogs.eventsAfter(dialogId, from, actor)).isEmpty()) {
                for (TimelineEvent event : page) {
                    var frame = ServerMessage.Event.of(event);
                    if (!stream.replayed(frame, writer.writeValueAsString(frame))) {
                        return;
                    }
                }
                from = page.getLast().seq();
            }
            view = dialogs.view(dialogId, actor);
        } finally {
            stream.finishReplay(writer.writeValueAsString(
                    new ServerMessage.Subscribed(dialogId, view.lastSeq(), view, dialogs.membership(dialogId, actor))));
        }
        if (view.status() == DialogStatus.WAITING) {
            Integer position = dialogs.queuePositions(actor.merchantId()).get(dialogId);
            if (position != null) {
                send(connection, new ServerMessage.Queue(dialogId, position, !team.online(actor.merchantId()).isEmpty()));
            }
        }
    }

    private ClientMessage parse(String payload) {
        JsonNode node;
        try {
            node = json.readTree(payload);
        } catch (JacksonException e) {
            throw new ProtocolError("bad_json", "This frame is not valid JSON.");
        }
        if (node == null || !node.isObject()) {
            throw new ProtocolError("bad_json", "A frame must be a JSON object with a 'type'.");
        }
        JsonNode type = node.get("type");
        if (type == null || !type.isString() || !TYPES.contains(type.asString())) {
            throw new ProtocolError("unknown_type", "Unknown frame type; expected one of " + String.join(", ", TYPES.stream().sorted().toList()) + ".");
        }
        ClientMessage message;
        try {
            message = json.treeToValue(node, ClientMessage.class);
        } catch (JacksonException e) {
            throw new ProtocolError("invalid", "A field of this '" + type.asString() + "' frame has the wrong type or format.");
        }
        Set<ConstraintViolation<ClientMessage>> violations = validator.validate(message);
        if (!violations.isEmpty()) {
            var first = violations.iterator().next();
            throw new ProtocolError("invalid", "'" + first.getPropertyPath() + "' " + first.getMessage() + ".");
        }
        return message;
    }

    private void send(Connection connection, ServerMessage message) {
        connection.send(writer.writeValueAsString(message));
    }

    private static final class ProtocolError extends RuntimeException {
        private final String code;

        ProtocolError(String code, String message) {
            super(message);
            this.code = code;
        }
    }
}
