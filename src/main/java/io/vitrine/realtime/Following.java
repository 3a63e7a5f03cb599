package io.vitrine.realtime;

import io.vitrine.realtime.protocol.ServerMessage;
import io.vitrine.shared.DialogRole;

/**
 * One connection's following of one dialog. While a replay runs, live frames wait; afterwards every
 * {@link ServerMessage.Sequenced sequenced} frame already sent is dropped, so the client sees each sequence once,
 * in order.
 */
public interface Following {

    /** From now on live frames wait; the client has everything up to {@code afterSeq}. */
    void startReplay(long afterSeq);

    /** Sends one stored frame, pacing the replay to the client; false once the socket is closed. */
    boolean replayed(ServerMessage.Sequenced frame);

    /**
     * Ends the replay: the connection also receives the frames meant for {@code seat}
     * ({@link Push#toDialogSeats}), {@code confirmation} is sent, then what arrived meanwhile, both at the pace the
     * client reads (waiting like {@link #replayed}).
     */
    void finishReplay(DialogRole seat, ServerMessage confirmation);

    /** The caller may not follow the dialog after all: it stops following it (its stream is left alone). */
    void cancel();
}
