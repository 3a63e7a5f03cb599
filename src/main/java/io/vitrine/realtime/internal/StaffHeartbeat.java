package io.vitrine.realtime.internal;

import io.vitrine.merchant.TeamApi;
import io.vitrine.realtime.ConnectionEvents;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Tells the team module, node by node, whose console is still connected; presence expiry builds on it. */
@Component
class StaffHeartbeat {

    private final Connections connections;
    private final TeamApi team;
    private final ObjectProvider<ConnectionEvents> events;

    StaffHeartbeat(Connections connections, TeamApi team, ObjectProvider<ConnectionEvents> events) {
        this.connections = connections;
        this.team = team;
        this.events = events;
    }

    // Deliberately not under a cluster-wide lock: every node reports its own connections.
    @Scheduled(fixedDelayString = "${vitrine.presence.heartbeat-interval:10s}")
    void beat() {
        team.markSeen(connections.connectedMembers());
        // Customers connected here keep their dialogs open even when their last connection on another node closed.
        var dialogIds = connections.dialogsWithCustomers();
        events.orderedStream().forEach(listener -> listener.customersConnected(dialogIds));
        // A last connection that closed after the snapshot was marked gone before this beat marked it back: mark again.
        dialogIds.removeAll(connections.dialogsWithCustomers());
        dialogIds.forEach(dialogId -> events.orderedStream().forEach(listener -> listener.customersGone(dialogId)));
    }
}
