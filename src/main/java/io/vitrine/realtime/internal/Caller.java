package io.vitrine.realtime.internal;

import io.vitrine.dialog.Actor;
import io.vitrine.realtime.FrameContext;
import io.vitrine.realtime.protocol.ServerMessage;
import tools.jackson.databind.ObjectWriter;

/** The connection a frame came from, as handlers see it. */
record Caller(Connection connection, ObjectWriter writer) implements FrameContext {

    @Override
    public Actor actor() {
        return connection.actor();
    }

    @Override
    public String connectionId() {
        return connection.id();
    }

    @Override
    public void reply(ServerMessage message) {
        connection.send(writer.writeValueAsString(message));
    }

    /** The gateway's own handlers reach the connection behind the context. */
    static Connection connectionOf(FrameContext context) {
        return ((Caller) context).connection();
    }
}
