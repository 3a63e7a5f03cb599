package io.vitrine.realtime.internal;

import io.vitrine.merchant.TeamApi;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Tells the team module, node by node, whose console is still connected; presence expiry builds on it. */
@Component
class StaffHeartbeat {

    private final RealtimeHandler handler;
    private final TeamApi team;

    StaffHeartbeat(RealtimeHandler handler, TeamApi team) {
        this.handler = handler;
        this.team = team;
    }

    @Scheduled(fixedDelayString = "${vitrine.presence.heartbeat-interval:10s}")
    void beat() {
        team.markSeen(handler.connectedMembers());
    }
}
