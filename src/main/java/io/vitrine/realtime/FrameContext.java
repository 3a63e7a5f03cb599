package io.vitrine.realtime;

import io.vitrine.dialog.Actor;
import io.vitrine.realtime.protocol.ServerMessage;

/** The connection a frame came from. */
public interface FrameContext {

    /** Who sent the frame; never null for a handler that {@link FrameHandler#needsIdentity() needs identity}. */
    Actor actor();

    /** This connection's id, unique on this node while it is open. */
    String connectionId();

    /** Sends a frame to this connection only. */
    void reply(ServerMessage message);
}
