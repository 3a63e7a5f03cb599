package io.vitrine.realtime;

import io.vitrine.shared.DialogRole;
import io.vitrine.realtime.protocol.ServerMessage;
import java.util.Set;
import java.util.UUID;

/** Sends server frames to everyone subscribed to a topic, on every node. Nothing sent here is stored. */
public interface Push {

    /** To every connection following the dialog. */
    void toDialog(UUID dialogId, ServerMessage message);

    /** To every connected console of the merchant's staff. */
    void toStaff(UUID merchantId, ServerMessage message);

    /** To every connected console of one team member. */
    void toMember(UUID memberId, ServerMessage message);

    /**
     * To the connections following the dialog from one of these seats only (say, the Host and the expert): the
     * others never receive the frame. A connection's seat is the one it had when it subscribed.
     */
    void toDialogSeats(UUID dialogId, Set<DialogRole> seats, ServerMessage message);
}
