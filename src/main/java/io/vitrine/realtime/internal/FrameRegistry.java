package io.vitrine.realtime.internal;

import io.vitrine.realtime.ClientFrame;
import io.vitrine.realtime.FrameContext;
import io.vitrine.realtime.FrameHandler;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Every {@link FrameHandler} bean by wire type: reads a frame into its handler's record and validates it. */
@Component
class FrameRegistry {

    private final Map<String, FrameHandler<?>> byType = new TreeMap<>();
    private final JsonMapper json;
    private final Validator validator;

    FrameRegistry(List<FrameHandler<?>> handlers, JsonMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
        for (FrameHandler<?> handler : handlers) {
            FrameHandler<?> other = byType.putIfAbsent(handler.wireType(), handler);
            if (other != null) {
                throw new IllegalStateException("Two handlers for the frame type '" + handler.wireType() + "': "
                        + other.getClass().getName() + " and " + handler.getClass().getName());
            }
        }
    }

    /** The wire types, sorted. */
    Set<String> types() {
        return byType.keySet();
    }

    /** A frame read and checked, with the handler it goes to. */
    record Frame<T extends ClientFrame>(FrameHandler<T> handler, T message) {

        void dispatch(FrameContext context) {
            handler.handle(context, message);
        }
    }

    Frame<?> parse(String payload) {
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
        FrameHandler<?> handler = type != null && type.isString() ? byType.get(type.asString()) : null;
        if (handler == null) {
            throw new ProtocolError("unknown_type", "Unknown frame type; expected one of " + String.join(", ", types()) + ".");
        }
        ((ObjectNode) node).remove("type");
        return read(handler, (ObjectNode) node);
    }

    private <T extends ClientFrame> Frame<T> read(FrameHandler<T> handler, ObjectNode node) {
        T message;
        try {
            message = json.treeToValue(node, handler.frameType());
        } catch (JacksonException e) {
            throw new ProtocolError("invalid", "A field of this '" + handler.wireType() + "' frame has the wrong type or format.");
        }
        Set<ConstraintViolation<T>> violations = validator.validate(message);
        if (!violations.isEmpty()) {
            var first = violations.iterator().next();
            throw new ProtocolError("invalid", "'" + first.getPropertyPath() + "' " + first.getMessage() + ".");
        }
        return new Frame<>(handler, message);
    }

    /** A frame that cannot be read: answered with an error frame of this code. */
    static final class ProtocolError extends RuntimeException {
        private final String code;

        ProtocolError(String code, String message) {
            super(message);
            this.code = code;
        }

        String code() {
            return code;
        }
    }
}
