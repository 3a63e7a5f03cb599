package io.vitrine.realtime.internal;

import io.vitrine.shared.DialogRole;
import io.vitrine.realtime.Push;
import io.vitrine.realtime.fanout.Fanout;
import io.vitrine.realtime.fanout.Topic;
import io.vitrine.realtime.protocol.ServerMessage;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** {@link Push} over the fan-out, so frames reach the subscribers on every node. */
@Component
class FanoutPush implements Push {

    private final Fanout fanout;

    FanoutPush(Fanout fanout) {
        this.fanout = fanout;
    }

    @Override
    public void toDialog(UUID dialogId, ServerMessage message) {
        fanout.publish(Topic.dialog(dialogId), message);
    }

    @Override
    public void toStaff(UUID merchantId, ServerMessage message) {
        fanout.publish(Topic.staff(merchantId), message);
    }

    @Override
    public void toMember(UUID memberId, ServerMessage message) {
        fanout.publish(Topic.member(memberId), message);
    }

    @Override
    public void toDialogSeats(UUID dialogId, Set<DialogRole> seats, ServerMessage message) {
        seats.forEach(seat -> fanout.publish(Topic.dialogSeat(dialogId, seat), message));
    }
}
