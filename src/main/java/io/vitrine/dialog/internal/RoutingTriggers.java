package io.vitrine.dialog.internal;

import io.vitrine.merchant.PresenceChanged;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/** Routes again whenever availability or the queue may have changed, and on a short tick for timeouts. */
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

    @TransactionalEventListener(fallbackExecution = true)
    void on(PresenceChanged event) {
        router.route(event.merchantId(), true);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(RoutingNeeded event) {
        router.route(event.merchantId(), true);
    }

    /** Offer timeouts and fallback times pass without any event. */
    @Scheduled(fixedDelayString = "${vitrine.routing.tick-interval:1s}")
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
