package io.vitrine.realtime.internal;

import static io.vitrine.support.Socket.type;
import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.dialog.CustomerPresenceApi;
import io.vitrine.realtime.ConnectionEvents;
import io.vitrine.support.Api;
import io.vitrine.support.IntegrationTest;
import io.vitrine.support.Poll;
import io.vitrine.support.Socket;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The heartbeat tells the dialogs which of them a customer follows on this node. A customer's last connection that
 * closes after the heartbeat took its snapshot of the connections, but before it marked those dialogs attended, is
 * marked gone on closing and then marked back by the stale snapshot: the heartbeat has to mark it gone again, or the
 * dialog is never ended by the sweep. The beat is driven by hand (its schedule is an hour here), and the close is
 * made to fall exactly into that window by a connection listener that runs before the dialogs' own. The presence
 * sweep is held off too (50 s, under its lock's 60 s at most): without the heartbeat it would make the only expert
 * Offline, and shoppers could no longer ask for a dialog.
 */
@TestPropertySource(properties = {"vitrine.presence.heartbeat-interval=1h", "vitrine.presence.sweep-interval=50s"})
@Import(StaffHeartbeatIntegrationTest.CloseDuringBeat.class)
class StaffHeartbeatIntegrationTest extends IntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Autowired
    private StaffHeartbeat heartbeat;

    @Autowired
    private Connections connections;

    @Autowired
    private CloseDuringBeat closeDuringBeat;

    @Autowired
    private CustomerPresenceApi customerPresence;

    @Autowired
    private JdbcClient jdbc;

    @Test
    void shouldMarkADialogGoneAgainWhenItsLastCustomerConnectionClosesBetweenTheSnapshotAndTheUpdate() {
        Shop shop = shop("anna");
        shop.online("anna");
        Api alex = shop.shopper("Alex");
        Socket alexWs = Socket.welcomed(alex);
        UUID left = openDialog(alex, alexWs);
        // Bea stays connected here; her dialog was marked gone by another node, where another connection of hers closed.
        Api bea = shop.shopper("Bea");
        Socket beaWs = Socket.welcomed(bea);
        UUID stays = openDialog(bea, beaWs);
        customerPresence.customersGone(stays);
        assertThat(customersGone(stays)).isTrue();
        assertThat(customersGone(left)).isFalse();

        closeDuringBeat.arm(left, () -> {
            alexWs.kill();
            Poll.until("Alex's connection to close and his dialog to be marked gone", PATIENCE,
                    () -> !followedHere(left) && customersGone(left));
        });
        heartbeat.beat();

        assertThat(closeDuringBeat.fired()).as("the connection closed between the snapshot and the update").isTrue();
        assertThat(customersGone(left)).as("the dialog whose last customer connection closed during the beat").isTrue();
        assertThat(customersGone(stays)).as("the dialog whose customer is still connected here").isFalse();

        // The sweep ends the abandoned dialog once the grace period is over, and only that one, although Bea's was
        // marked gone before it.
        Api admin = shop.staff("admin");
        Poll.until("Alex's dialog to end on its own", PATIENCE, () -> "ENDED".equals(status(admin, left)));
        assertThat(status(admin, stays)).isNotEqualTo("ENDED");
        beaWs.close();
    }

    /** Runs an action once, inside the heartbeat, after its snapshot and before the dialogs hear of it. */
    static class CloseDuringBeat implements ConnectionEvents, Ordered {

        private final AtomicReference<UUID> dialog = new AtomicReference<>();
        private final AtomicReference<Runnable> action = new AtomicReference<>();
        private final AtomicBoolean fired = new AtomicBoolean();

        void arm(UUID dialogId, Runnable then) {
            fired.set(false);
            action.set(then);
            dialog.set(dialogId);
        }

        boolean fired() {
            return fired.get();
        }

        @Override
        public void customersConnected(Set<UUID> dialogIds) {
            UUID armed = dialog.get();
            if (armed != null && dialogIds.contains(armed) && dialog.compareAndSet(armed, null)) {
                action.getAndSet(null).run();
                fired.set(true);
            }
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }


    private static UUID openDialog(Api shopper, Socket socket) {
        var created = shopper.post("/api/v1/widget/me/dialogs", Map.of());
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String id = created.body().path("id").asString();
        socket.send(Map.of("type", "subscribe", "dialogId", id, "afterSeq", 0));
        socket.await(type("subscribed"));
        return UUID.fromString(id);
    }

    private boolean followedHere(UUID dialogId) {
        return connections.all().stream().anyMatch(c -> c.follows(dialogId));
    }

    private boolean customersGone(UUID dialogId) {
        return jdbc.sql("select count(*) from dialog where id = ? and customers_gone_since is not null")
                .param(dialogId).query(Long.class).single() > 0;
    }

    private static String status(Api staff, UUID dialogId) {
        return staff.get("/api/v1/dialogs/" + dialogId).body().path("dialog").path("status").asString();
    }
}
