package io.vitrine.realtime.internal;

import io.vitrine.merchant.PresenceChanged;
import io.vitrine.realtime.Push;
import io.vitrine.realtime.protocol.ServerMessage;
import io.vitrine.shared.AfterCommits;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Sends a team member's committed presence to their consoles. Fan-out is per node and ephemeral, so this is a
 * plain listener that defers to after the commit itself (see the dialog module's relay of its events).
 */
@Component
class PresenceRelay {

    private final Push push;

    PresenceRelay(Push push) {
        this.push = push;
    }

    @EventListener
    void on(PresenceChanged changed) {
        AfterCommits.run(() -> push.toMember(changed.memberId(), new ServerMessage.PresenceUpdate(changed.memberId(), changed.presence())));
    }
}
