package io.vitrine.realtime.internal;

import io.vitrine.dialog.Actor;
import io.vitrine.dialog.DialogApi;
import io.vitrine.dialog.DialogStatus;
import io.vitrine.dialog.DialogView;
import io.vitrine.dialog.TimelineEvent;
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
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/** Reads client frames, checks them, and turns them into calls on the dialog module. */
@Component
class RealtimeHandler extends TextWebSocketHandler {

    private static final Logger log = LoggerFactory.getLogger(RealtimeHandler.class);
    private static final int SEND_TIME_LIMIT_MS = 10_000;
    private static final int SEND_BUFFER_LIMIT = 512 * 1024;
    private static final Set<String> TYPES = Set.of("hello", "subscribe", "unsubscribe", "say", "typing", "ping");

    private final Map<String, Connection> connections = new ConcurrentHashMap<>();
    private final JsonMapper json;
    private final ObjectWriter writer;
    private final Validator validator;
    private final Fanout fanout;
    private final DialogApi dialogs;
    private final ShopperApi shoppers;
    private final TeamApi team;
    private final VitrineProperties.Realtime settings;

    RealtimeHandler(JsonMapper json, Validator validator, Fanout fanout, DialogApi dialogs, ShopperApi shoppers,
            TeamApi team, VitrineProperties properties) {
        this.json = json;
        this.writer = json.writerFor(ServerMessage.class);
        this.validator = validator;
        this.fanout = fanout;
        this.dialogs = dialogs;
        this.shoppers = shoppers;
        this.team = team;
        this.settings = properties.realtime();
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
        var session = new ConcurrentWebSocketSessionDecorator(raw, SEND_TIME_LIMIT_MS, SEND_BUFFER_LIMIT);
        var connection = new Connection(session, new TokenBucket(settings.framesPerSecond(), settings.burst(), System.nanoTime()));
        connections.put(raw.getId(), connection);
        if (raw.getPrincipal() instanceof Authentication auth && auth.getPrincipal() instanceof StaffPrincipal staff) {
            connectStaff(connection, staff);
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        Connection connection = connections.remove(session.getId());
        if (connection != null) {
            connection.release();
        }
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage frame) {
        Connection connection = connections.get(session.getId());
        if (connection == null) {
            return;
        }
        if (!connection.allowFrame()) {
            send(connection, new ServerMessage.Error("rate_limited", "Too many frames; this one was dropped. Slow down.", null));
            return;
        }
        ClientMessage message;
        try {
            message = parse(frame.getPayload());
        } catch (ProtocolError e) {
            send(connection, new ServerMessage.Error(e.code, e.getMessage(), null));
            return;
        }
        try {
            handle(connection, message);
        } catch (DomainException e) {
            send(connection, new ServerMessage.Error(code(e), e.getMessage(), message.dialogId()));
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
            case ClientMessage.Unsubscribe u -> {
                identified(connection);
                connection.unfollow(u.dialogId());
            }
            case ClientMessage.Say say -> dialogs.say(say.dialogId(), identified(connection), say.text(), say.clientRef());
            case ClientMessage.Typing typing -> {
                Avatar me = dialogs.participant(typing.dialogId(), identified(connection));
                fanout.publish(Topic.dialog(typing.dialogId()),
                        new ServerMessage.Typing(typing.dialogId(), me.participantId(), me.name()));
            }
        }
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

    /** Follows first, then replays from storage, so no event can fall between the two. */
    private void subscribe(Connection connection, Actor actor, UUID dialogId, long afterSeq) {
        DialogView view = dialogs.view(dialogId, actor);
        Connection.DialogStream stream = connection.stream(dialogId, fanout);
        stream.startReplay(afterSeq);
        try {
            for (TimelineEvent event : dialogs.eventsAfter(dialogId, afterSeq, actor)) {
                var frame = ServerMessage.Event.of(event);
                stream.replayed(frame, writer.writeValueAsString(frame));
            }
            view = dialogs.view(dialogId, actor);
        } finally {
            stream.finishReplay(writer.writeValueAsString(new ServerMessage.Subscribed(dialogId, view.lastSeq(), view)));
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

    private static String code(DomainException e) {
        return switch (e.kind()) {
            case INVALID -> "invalid";
            case UNAUTHENTICATED -> "unauthenticated";
            case FORBIDDEN -> "forbidden";
            case NOT_FOUND -> "not_found";
            case CONFLICT -> "conflict";
        };
    }

    private static final class ProtocolError extends RuntimeException {
        private final String code;

        ProtocolError(String code, String message) {
            super(message);
            this.code = code;
        }
    }
}
