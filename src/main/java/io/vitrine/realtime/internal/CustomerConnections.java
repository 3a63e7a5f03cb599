package io.vitrine.realtime.internal;

import io.vitrine.shared.Actor;
import io.vitrine.realtime.ConnectionEvents;
import io.vitrine.merchant.PresenceProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/** What the dialogs learn when a customer's connection to one of them goes away. */
@Component
class CustomerConnections {

    private static final Logger log = LoggerFactory.getLogger(CustomerConnections.class);

    private final Connections connections;
    private final ObjectProvider<ConnectionEvents> events;
    private final TaskScheduler scheduler;
    private final Duration guestGrace;
    private final ShopperSockets elsewhere;
    private volatile boolean stopping;

    CustomerConnections(Connections connections, ObjectProvider<ConnectionEvents> events,
            TaskScheduler scheduler, PresenceProperties properties, ShopperSockets elsewhere) {
        this.connections = connections;
        this.elsewhere = elsewhere;
        this.events = events;
        this.scheduler = scheduler;
        this.guestGrace = properties.grace();
    }

    /** The shopper's connection stopped following the dialog. */
    void left(UUID dialogId, Actor.Shopper shopper) {
        if (stopping) {
            return;
        }
        checkLaterWhetherGone(dialogId, shopper);
        noteIfCustomersGone(dialogId);
    }

    /**
     * The node is shutting down and closes every connection: that is not the customers leaving (they come back
     * through another node, or this one after its restart), so nothing is noted, as after a crash.
     */
    @EventListener(ContextClosedEvent.class)
    void stopping() {
        stopping = true;
    }

    /** With no customer connection to the dialog left here, it is marked; a dialog left so for the grace ends. */
    private void noteIfCustomersGone(UUID dialogId) {
        boolean anyLeft = connections.all().stream()
                .anyMatch(c -> c.actor() instanceof Actor.Shopper && c.follows(dialogId));
        if (!anyLeft) {
            try {
                events.orderedStream().forEach(listener -> listener.customersGone(dialogId));
            } catch (RuntimeException e) {
                log.warn("Could not note that the customers of dialog {} are gone", dialogId, e);
            }
        }
    }

    /** A Guest whose connections all stay away for the grace period, on every node, has left the stream. */
    private void checkLaterWhetherGone(UUID dialogId, Actor.Shopper shopper) {
        try {
            scheduleGoneCheck(dialogId, shopper);
        } catch (TaskRejectedException stopping) {
            // The scheduler stopped before this listener learnt of the shutdown: the same as {@link #stopping}.
        }
    }

    private void scheduleGoneCheck(UUID dialogId, Actor.Shopper shopper) {
        scheduler.schedule(() -> {
            boolean back = connections.all().stream().anyMatch(c -> c.follows(dialogId)
                    && c.actor() instanceof Actor.Shopper s && s.shopperId().equals(shopper.shopperId()));
            if (!back && !elsewhere.followsElsewhere(dialogId, shopper.shopperId())) {
                try {
                    events.orderedStream().forEach(listener -> listener.shopperGone(dialogId, shopper.shopperId()));
                } catch (RuntimeException e) {
                    log.warn("Could not mark a disconnected guest of dialog {} as gone", dialogId, e);
                }
            }
        }, Instant.now().plus(guestGrace));
    }
}
