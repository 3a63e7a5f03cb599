package io.vitrine.realtime;

import io.vitrine.realtime.protocol.ServerMessage;
import io.vitrine.shared.Actor;
import java.util.UUID;

/** The connection a frame came from. */
public interface FrameContext {

    /** Who sent the frame; never null for a handler that {@link FrameHandler#needsIdentity() needs identity}. */
    Actor actor();

    /** This connection's id, unique on this node while it is open. */
    String connectionId();

    /** Sends a frame to this connection only. */
    void reply(ServerMessage message);

    /**
     * Starts following a dialog on this connection (or goes on following it): from now on the dialog's frames
     * reach it, held back while a replay runs (see {@link Following}).
     */
    Following follow(UUID dialogId);

    /** Whether this connection follows the dialog. */
    boolean follows(UUID dialogId);

    /**
     * Stops following the dialog and leaves its stream; a customer's leaving is told to the
     * {@link ConnectionEvents} (after the grace period, for a Guest).
     */
    void unfollow(UUID dialogId);
}
