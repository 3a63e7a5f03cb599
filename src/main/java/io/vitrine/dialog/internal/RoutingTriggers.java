package io.vitrine.dialog.internal;

import io.vitrine.merchant.PresenceChanged;
import io.vitrine.shared.AfterCommits;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Routes again whenever availability or the queue may have changed, and on a short tick for timeouts; routing twice is
 * harmless. A presence change is recorded in the event publication registry with the change, so a crash between the
 * commit and the routing only delays it until the next start. A change of the queue ({@link RoutingNeeded}, one or
 * two per request) is not: storing and deleting a publication for each was a large share of a request's cost, and
 * the tick already routes every merchant with a waiting request, so after a crash the next tick does what was lost
 * (reconnecting consoles get the queue in their welcome).
 */
@Component
class RoutingTriggers {

    private static final Logger log = LoggerFactory.getLogger(RoutingTriggers.class);

    /** Published by the dialog module when a request arrives or a dialog frees an expert. */
    record RoutingNeeded(UUID merchantId) {}

    private final Router router;
    private final RoutingRuns runs;
    private final Dialogs dialogs;

    RoutingTriggers(Router router, RoutingRuns runs, Dialogs dialogs) {
        this.router = router;
        this.runs = runs;
        this.dialogs = dialogs;
    }

    @ApplicationModuleListener
    void on(PresenceChanged event) {
        router.route(event.merchantId(), true);
    }

    /** Once the change has committed, so that the routing sees it. */
    @EventListener
    void on(RoutingNeeded event) {
        AfterCommits.run(() -> runs.request(event.merchantId()));
    }

    /** Offer timeouts and fallback times pass without any event. One node of a cluster ticks at a time. */
    @Scheduled(fixedDelayString = "${vitrine.routing.tick-interval:1s}")
    @SchedulerLock(name = "routing-tick", lockAtLeastFor = "${vitrine.routing.tick-interval:1s}", lockAtMostFor = "10s")
    void tick() {
        for (UUID merchantId : dialogs.merchantsWithWaitingDialogs()) {
            try {
                router.route(merchantId, false);
            } catch (RuntimeException e) {
                log.warn("Routing merchant {} failed; retrying on the next tick", merchantId, e);
            }
        }
    }
}
