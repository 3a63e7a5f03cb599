package io.vitrine.merchant.internal;

import io.vitrine.merchant.Member;
import io.vitrine.merchant.Presence;
import io.vitrine.merchant.TeamApi;
import io.vitrine.merchant.PresenceProperties;
import java.time.Clock;
import java.time.Instant;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * An expert whose last console connection is gone for longer than the grace period turns Offline. One node of a
 * cluster sweeps at a time; every node's heartbeat feeds the "last seen" it reads.
 */
@Component
class PresenceSweeper {

    private static final Logger log = LoggerFactory.getLogger(PresenceSweeper.class);

    private final TeamMembers members;
    private final TeamApi team;
    private final PresenceProperties properties;
    private final Clock clock;

    PresenceSweeper(TeamMembers members, TeamApi team, PresenceProperties properties, Clock clock) {
        this.members = members;
        this.team = team;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${vitrine.presence.sweep-interval:5s}")
    @SchedulerLock(name = "presence-sweep", lockAtLeastFor = "${vitrine.presence.sweep-interval:5s}", lockAtMostFor = "60s")
    void sweep() {
        Instant before = Instant.now(clock).minus(properties.grace());
        for (Member gone : members.findGoneSince(before)) {
            log.info("{} has no open console since the grace period; now Offline", gone.email());
            team.setPresence(gone.id(), Presence.OFFLINE);
        }
    }
}
