package io.vitrine.realtime;

import io.vitrine.realtime.protocol.ServerMessage;
import java.util.UUID;

/** Sends server frames to everyone subscribed to a topic, on every node. Nothing sent here is stored. */
public interface Push {

    /** To every connection following the dialog. */
    void toDialog(UUID dialogId, ServerMessage message);

    /** To every connected console of the merchant's staff. */
    void toStaff(UUID merchantId, ServerMessage message);

    /** To every connected console of one team member. */
    void toMember(UUID memberId, ServerMessage message);
}
