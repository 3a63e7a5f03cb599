package io.vitrine.dialog;

import static io.vitrine.support.Socket.type;
import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.merchant.AbandonedByExpert;
import io.vitrine.merchant.MerchantSettings;
import io.vitrine.support.Api;
import io.vitrine.support.IntegrationTest;
import io.vitrine.support.Poll;
import io.vitrine.support.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Dialogs whose people are gone end or move on by themselves (presence grace is 2 s in tests). The presence sweep is
 * held off, as if another node held its lock, so that an expert who lost every console is made Offline by the dialog
 * sweep that requeues their dialog.
 */
@TestPropertySource(properties = "vitrine.presence.sweep-interval=60s")
class AbandonedDialogIntegrationTest extends IntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Autowired JdbcClient jdbc;

    /** The sweep of this node may make its lock row at any moment (it runs once at start): take the row either way. */
    @BeforeEach
    void presenceSweepLockedByAnotherNode() {
        String heldForever = "lock_until = timestamp '2999-01-01 00:00:00', locked_at = current_timestamp,"
                + " locked_by = 'another node' where name = 'presence-sweep'";
        if (jdbc.sql("update shedlock set " + heldForever).update() == 1) {
            return;
        }
        try {
            jdbc.sql("insert into shedlock (name, lock_until, locked_at, locked_by) values "
                    + "('presence-sweep', timestamp '2999-01-01 00:00:00', current_timestamp, 'another node')").update();
        } catch (DuplicateKeyException madeMeanwhile) {
            jdbc.sql("update shedlock set " + heldForever).update();
        }
    }

    @AfterEach
    void releasePresenceSweep() {
        jdbc.sql("delete from shedlock where name = 'presence-sweep'").update();
    }

    @Test
    void shouldEndALiveDialogWhoseCustomersAreAllGoneAndGiveTheExpertsSlotToTheNextShopper() {
        Shop shop = shop(settings(1, AbandonedByExpert.REQUEUE), "anna");
        Api anna = shop.online("anna");
        Api alex = shop.shopper("Alex");
        Socket alexWs = Socket.welcomed(alex);
        String id = alex.post("/api/v1/widget/me/dialogs", Map.of()).body().path("id").asString();
        alexWs.send(Map.of("type", "subscribe", "dialogId", id, "afterSeq", 0));
        alexWs.await(type("subscribed"));
        awaitOffered(anna, id);
        assertThat(anna.post("/api/v1/dialogs/" + id + "/accept", null).status()).isEqualTo(200);

        alexWs.kill();

        JsonNode ended = awaitDialog(anna, id, d -> "ENDED".equals(d.path("status").asString()));
        assertThat(ended.path("rateable").asBoolean()).isFalse();
        JsonNode entry = logEntry(anna, id, "CUSTOMERS_GONE");
        assertThat(entry.path("kind").asString()).isEqualTo("ENDED");
        assertThat(entry.path("detail").asString()).isEqualTo("Ended on its own: no customer was connected for 2 seconds");
        assertThat(alex.post("/api/v1/widget/me/dialogs/" + id + "/rating", Map.of("score", 5)).status()).isEqualTo(409);

        // Capacity 1: the next shopper is offered to Anna only because the abandoned dialog freed her slot.
        Api bea = shop.shopper("Bea");
        String next = bea.post("/api/v1/widget/me/dialogs", Map.of()).body().path("id").asString();
        awaitOffered(anna, next);
    }

    @Test
    void shouldKeepADialogWhoseCustomerCameBackWithinTheGracePeriod() {
        Shop shop = shop("anna");
        Api anna = shop.online("anna");
        Api alex = shop.shopper("Alex");
        Socket first = Socket.welcomed(alex);
        String id = alex.post("/api/v1/widget/me/dialogs", Map.of()).body().path("id").asString();
        first.send(Map.of("type", "subscribe", "dialogId", id, "afterSeq", 0));
        first.await(type("subscribed"));
        awaitOffered(anna, id);
        anna.post("/api/v1/dialogs/" + id + "/accept", null);

        first.kill();
        Socket back = Socket.welcomed(alex);
        back.send(Map.of("type", "subscribe", "dialogId", id, "afterSeq", 0));
        back.await(type("subscribed"));

        // A second dialog abandoned after the first one's reconnect ends; by then the first one would have too.
        Api bea = shop.shopper("Bea");
        Socket beaWs = Socket.welcomed(bea);
        String abandoned = bea.post("/api/v1/widget/me/dialogs", Map.of()).body().path("id").asString();
        beaWs.send(Map.of("type", "subscribe", "dialogId", abandoned, "afterSeq", 0));
        beaWs.await(type("subscribed"));
        beaWs.kill();
        awaitDialog(anna, abandoned, d -> "ENDED".equals(d.path("status").asString()));

        assertThat(dialog(anna, id).path("status").asString()).isEqualTo("ACTIVE");
        back.close();
    }

    @Test
    void shouldGiveALiveDialogToAnotherExpertWhenItsExpertsConsolesAreAllGone() {
        Shop shop = shop("anna", "ben");
        Api anna = shop.staff("anna");
        Socket annaConsole = Socket.connect(anna);
        annaConsole.awaitType("welcome");
        anna.put("/api/v1/me/presence", Map.of("status", "ONLINE"));
        Api alex = shop.shopper("Alex");
        Socket alexWs = Socket.welcomed(alex);
        String id = alex.post("/api/v1/widget/me/dialogs", Map.of("expert", "anna")).body().path("id").asString();
        alexWs.send(Map.of("type", "subscribe", "dialogId", id, "afterSeq", 0));
        awaitOffered(anna, id);
        assertThat(anna.post("/api/v1/dialogs/" + id + "/accept", null).status()).isEqualTo(200);
        Api ben = shop.online("ben");

        annaConsole.kill();

        awaitOffered(ben, id);
        assertThat(ben.post("/api/v1/dialogs/" + id + "/accept", null).body().path("expert").path("name").asString())
                .isEqualTo("Ben Expert");
        JsonNode entry = logEntry(ben, id, "EXPERT_GONE_REQUEUED");
        assertThat(entry.path("kind").asString()).isEqualTo("REQUEUED");
        assertThat(entry.path("subject").asString()).isEqualTo("Anna Expert");
        // Anna had no console for the grace period: she is Offline, and the dialog is never offered back to her.
        assertThat(anna.get("/api/v1/me").body().path("member").path("presence").asString()).isEqualTo("OFFLINE");
        String annaId = anna.get("/api/v1/me").body().path("member").path("id").asString();
        assertThat(offersAfterRequeue(ben, id)).isNotEmpty().doesNotContain(annaId);
        // Anna looks on like any colleague now: she can no longer write in the dialog she lost.
        assertThat(anna.post("/api/v1/dialogs/" + id + "/end", null).status()).isEqualTo(403);
        alexWs.close();
    }

    @Test
    void shouldEndALiveDialogWhenItsExpertIsGoneAndTheMerchantChoseSo() {
        Shop shop = shop(settings(3, AbandonedByExpert.END), "anna");
        Api admin = shop.staff("admin");
        assertThat(admin.get("/api/v1/merchant").body().path("settings").path("abandonedByExpert").asString())
                .isEqualTo("END");
        Api anna = shop.staff("anna");
        Socket annaConsole = Socket.connect(anna);
        annaConsole.awaitType("welcome");
        anna.put("/api/v1/me/presence", Map.of("status", "ONLINE"));
        Api alex = shop.shopper("Alex");
        Socket alexWs = Socket.welcomed(alex);
        String id = alex.post("/api/v1/widget/me/dialogs", Map.of()).body().path("id").asString();
        alexWs.send(Map.of("type", "subscribe", "dialogId", id, "afterSeq", 0));
        awaitOffered(anna, id);
        anna.post("/api/v1/dialogs/" + id + "/accept", null);

        annaConsole.kill();

        JsonNode ended = awaitDialog(admin, id, d -> "ENDED".equals(d.path("status").asString()));
        assertThat(ended.path("rateable").asBoolean()).isTrue();
        assertThat(logEntry(admin, id, "EXPERT_GONE_ENDED").path("subject").asString()).isEqualTo("Anna Expert");
        alexWs.close();
    }

    @Test
    void shouldLetTheAdminChooseWhatHappensToAnAbsentExpertsDialogs() {
        Shop shop = shop("anna");
        Api admin = shop.staff("admin");
        var settings = (tools.jackson.databind.node.ObjectNode) admin.get("/api/v1/merchant").body().path("settings");
        assertThat(settings.path("abandonedByExpert").asString()).isEqualTo("REQUEUE");
        settings.put("abandonedByExpert", "END");
        assertThat(admin.put("/api/v1/merchant/settings", settings).body().path("settings").path("abandonedByExpert")
                .asString()).isEqualTo("END");
        settings.put("abandonedByExpert", "LATER");
        assertThat(admin.put("/api/v1/merchant/settings", settings).status()).isEqualTo(400);
    }

    private static MerchantSettings settings(int capacity, AbandonedByExpert abandoned) {
        return new MerchantSettings("#1f6feb", "bottom-right", "Live", false, List.of(), null, 60, capacity, true, abandoned, null);
    }


    /** Waits until the dialog is offered to this expert: the queue shows it with their id. */
    private void awaitOffered(Api expert, String dialogId) {
        String me = expert.get("/api/v1/me").body().path("member").path("id").asString();
        Poll.until("the offer of " + dialogId, PATIENCE, () -> StreamSupport.stream(
                expert.get("/api/v1/dialogs?status=WAITING").body().spliterator(), false).anyMatch(d ->
                dialogId.equals(d.path("id").asString())) && offeredTo(expert, dialogId, me));
    }

    private static boolean offeredTo(Api expert, String dialogId, String memberId) {
        return StreamSupport.stream(expert.get("/api/v1/dialogs/" + dialogId + "/log").body().spliterator(), false)
                .reduce((first, second) -> second)
                .map(last -> "OFFERED".equals(last.path("kind").asString()) && memberId.equals(last.path("memberId").asString()))
                .orElse(false);
    }

    /** Whom the dialog was offered to after it went back to the queue. */
    private static List<String> offersAfterRequeue(Api staff, String dialogId) {
        var log = StreamSupport.stream(staff.get("/api/v1/dialogs/" + dialogId + "/log").body().spliterator(), false).toList();
        return log.stream().dropWhile(e -> !"REQUEUED".equals(e.path("kind").asString()))
                .filter(e -> "OFFERED".equals(e.path("kind").asString()))
                .map(e -> e.path("memberId").asString()).toList();
    }

    private static JsonNode dialog(Api staff, String id) {
        return staff.get("/api/v1/dialogs/" + id).body().path("dialog");
    }

    private JsonNode awaitDialog(Api staff, String id, Predicate<JsonNode> state) {
        Poll.until("the state of dialog " + id, PATIENCE, () -> state.test(dialog(staff, id)));
        return dialog(staff, id);
    }

    private static JsonNode logEntry(Api staff, String id, String reason) {
        return StreamSupport.stream(staff.get("/api/v1/dialogs/" + id + "/log").body().spliterator(), false)
                .filter(e -> reason.equals(e.path("reason").asString())).findFirst()
                .orElseThrow(() -> new AssertionError("No " + reason + " entry in " + staff.get("/api/v1/dialogs/" + id + "/log").raw()));
    }
}
