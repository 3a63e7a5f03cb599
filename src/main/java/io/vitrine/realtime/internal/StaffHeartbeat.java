package io.vitrine.realtime.internal;

import io.vitrine.dialog.CustomerPresenceApi;
import io.vitrine.merchant.TeamApi;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Tells the team module, node by node, whose console is still connected; presence expiry builds on it. */
@Component
class StaffHeartbeat {

    private final Connections connections;
    private final TeamApi team;
    private final CustomerPresenceApi customerPresence;

    StaffHeartbeat(Connections connections, TeamApi team, CustomerPresenceApi customerPresence) {
        this.connections = connections;
        this.team = team;
        this.customerPresence = customerPresence;
    }

    // Deliberately not under a cluster-wide lock: every node reports its own connections.
    @Scheduled(fixedDelayString = "${vitrine.presence.heartbeat-interval:10s}")
    void beat() {
        team.markSeen(connections.connectedMembers());
        // Customers connected here keep their dialogs open even when their last connection on another node closed.
        customerPresence.customersConnected(connections.dialogsWithCustomers());
    }
}
