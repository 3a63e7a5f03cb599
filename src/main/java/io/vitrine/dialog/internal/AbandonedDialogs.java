package io.vitrine.dialog.internal;

import io.vitrine.merchant.TeamApi;
import io.vitrine.merchant.PresenceProperties;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** On the routing tick, on one node at a time: finds dialogs whose customers or whose expert have been gone for the presence grace period. */
@Component
class AbandonedDialogs {

    private static final Logger log = LoggerFactory.getLogger(AbandonedDialogs.class);

    private final Dialogs dialogs;
    private final DialogLifecycle lifecycle;
    private final TeamApi team;
    private final PresenceProperties properties;
    private final Clock clock;

    AbandonedDialogs(Dialogs dialogs, DialogLifecycle lifecycle, TeamApi team, PresenceProperties properties, Clock clock) {
        this.dialogs = dialogs;
        this.lifecycle = lifecycle;
        this.team = team;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${vitrine.routing.tick-interval:1s}")
    @SchedulerLock(name = "abandoned-dialogs-sweep", lockAtLeastFor = "${vitrine.routing.tick-interval:1s}", lockAtMostFor = "60s")
    void sweep() {
        Instant before = Instant.now(clock).minus(properties.grace());
        for (UUID dialogId : dialogs.customersGoneBefore(before)) {
            guarded(dialogId, () -> lifecycle.endIfCustomersGone(dialogId, before));
        }
        Map<UUID, List<UUID>> live = dialogs.activeByExpert();
        Set<UUID> gone = team.goneSince(live.keySet(), before);
        for (UUID expertId : gone) {
            for (UUID dialogId : live.get(expertId)) {
                guarded(dialogId, () -> lifecycle.releaseFromGoneExpert(dialogId, expertId));
            }
        }
    }

    /** One dialog failing must not stop the others; the next tick tries it again. */
    private static void guarded(UUID dialogId, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            log.warn("Settling abandoned dialog {} failed; retrying on the next tick", dialogId, e);
        }
    }
}
