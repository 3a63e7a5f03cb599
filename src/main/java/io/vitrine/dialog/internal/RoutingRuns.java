package io.vitrine.dialog.internal;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Routes a merchant on a virtual thread of its own, coalescing triggers: while one routing of a merchant is waiting to
 * start, further triggers for it add nothing, since that routing reads the queue as it is when it starts. So a burst
 * of requests costs a merchant at most one running and one waiting routing, each holding one pool connection, instead
 * of one routing (and one connection waiting for the merchant's lock) per request.
 */
@Component
class RoutingRuns {

    private static final Logger log = LoggerFactory.getLogger(RoutingRuns.class);

    private final Router router;
    private final Set<UUID> due = ConcurrentHashMap.newKeySet();
    private final ThreadFactory threads = Thread.ofVirtual().name("routing-", 0).factory();

    RoutingRuns(Router router) {
        this.router = router;
    }

    /** Routes the merchant soon, announcing its queue; a failure is left to the next tick. */
    void request(UUID merchantId) {
        if (!due.add(merchantId)) {
            return;
        }
        threads.newThread(() -> {
            due.remove(merchantId);
            try {
                router.route(merchantId, true);
            } catch (RuntimeException e) {
                log.warn("Routing merchant {} failed; retrying on the next tick", merchantId, e);
            }
        }).start();
    }
}
