package io.vitrine.realtime.internal;

import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * Puts a text frame back together from the parts the container hands over. The container's per-socket text buffer
 * is small (application.yml: {@code org.apache.tomcat.websocket.textBufferSize}), because it is allocated for every
 * socket as it opens; a frame larger than that arrives in parts and is assembled here, in memory that exists only
 * while such a frame is being read. A frame over {@link #MAX_FRAME_CHARS} is refused (docs/protocol.md).
 */
final class PartialFrames {

    /**
     * The largest legal frame: a signal carrying a 64 KiB session description, with room for its JSON escapes
     * (docs/protocol.md: a frame larger than 80 KiB is closed with 1009).
     */
    static final int MAX_FRAME_CHARS = 81_920;

    private static final String KEY = PartialFrames.class.getName();

    private PartialFrames() {}

    /** Outcome of one part: the whole frame, nothing yet, or too big. */
    sealed interface Part {
        record Whole(String json) implements Part {}

        record Incomplete() implements Part {}

        record TooBig() implements Part {}
    }

    static Part add(WebSocketSession session, TextMessage part) {
        StringBuilder started = (StringBuilder) session.getAttributes().get(KEY);
        int length = (started == null ? 0 : started.length()) + part.getPayloadLength();
        if (length > MAX_FRAME_CHARS) {
            session.getAttributes().remove(KEY);
            return new Part.TooBig();
        }
        if (started == null) {
            if (part.isLast()) {
                return new Part.Whole(part.getPayload());
            }
            started = new StringBuilder(Math.max(2 * part.getPayloadLength(), 1024));
            session.getAttributes().put(KEY, started);
        }
        started.append(part.getPayload());
        if (!part.isLast()) {
            return new Part.Incomplete();
        }
        session.getAttributes().remove(KEY);
        return new Part.Whole(started.toString());
    }
}
