package io.vitrine.dialog.internal;

import io.vitrine.dialog.CoopApi;
import io.vitrine.dialog.CustomerPresenceApi;
import io.vitrine.dialog.DialogApi;
import io.vitrine.realtime.ConnectionEvents;
import io.vitrine.realtime.protocol.ServerMessage;
import io.vitrine.shared.Actor;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/** What the dialogs learn from the gateway's connections: customers present or gone, a console's first queue. */
@Component
class DialogConnectionEvents implements ConnectionEvents {

    private final DialogApi dialogs;
    private final CoopApi coop;
    private final CustomerPresenceApi customerPresence;

    DialogConnectionEvents(DialogApi dialogs, CoopApi coop, CustomerPresenceApi customerPresence) {
        this.dialogs = dialogs;
        this.coop = coop;
        this.customerPresence = customerPresence;
    }

    @Override
    public void staffConnected(Actor.Staff staff, Consumer<ServerMessage> send) {
        send.accept(DialogFrames.StaffQueueUpdate.of(dialogs.staffQueue(staff.merchantId())));
    }

    @Override
    public void customersConnected(Set<UUID> dialogIds) {
        customerPresence.customersConnected(dialogIds);
    }

    @Override
    public void customersGone(UUID dialogId) {
        customerPresence.customersGone(dialogId);
    }

    @Override
    public void shopperGone(UUID dialogId, UUID shopperId) {
        coop.disconnected(dialogId, shopperId);
    }
}
