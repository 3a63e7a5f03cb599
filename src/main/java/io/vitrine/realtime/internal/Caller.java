package io.vitrine.realtime.internal;

import io.vitrine.realtime.FrameContext;
import io.vitrine.realtime.Following;
import io.vitrine.realtime.protocol.ServerMessage;
import io.vitrine.shared.Actor;
import java.util.UUID;
import tools.jackson.databind.ObjectWriter;

/** The connection a frame came from, as handlers see it. */
record Caller(Connection connection, ObjectWriter writer, DialogFollowing following) implements FrameContext {

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

    @Override
    public Following follow(UUID dialogId) {
        return following.follow(connection, dialogId);
    }

    @Override
    public boolean follows(UUID dialogId) {
        return connection.follows(dialogId);
    }

    @Override
    public void unfollow(UUID dialogId) {
        following.unfollow(connection, dialogId);
    }

    /** The gateway's own handlers reach the connection behind the context. */
    static Connection connectionOf(FrameContext context) {
        return ((Caller) context).connection();
    }
}
