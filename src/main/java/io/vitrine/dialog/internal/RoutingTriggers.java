package io.vitrine.dialog.internal;

import io.vitrine.merchant.PresenceChanged;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Routes again whenever availability or the queue may have changed, and on a short tick for timeouts. The reactions
 * are recorded in the event publication registry with the change that caused them, so a crash between the commit and
 * the routing only delays it until the next start; routing twice is harmless.
 */
@Component
class RoutingTriggers {

    private static final Logger log = LoggerFactory.getLogger(RoutingTriggers.class);

    /** Published by the dialog module when a request arrives or a dialog frees an expert. */
    record RoutingNeeded(UUID merchantId) {}

    private final Router router;
    private final Dialogs dialogs;

    RoutingTriggers(Router router, Dialogs dialogs) {
        this.router = router;
        this.dialogs = dialogs;
    }

    @ApplicationModuleListener
    void on(PresenceChanged event) {
        router.route(event.merchantId(), true);
    }

    @ApplicationModuleListener
    void on(RoutingNeeded event) {
        router.route(event.merchantId(), true);
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
