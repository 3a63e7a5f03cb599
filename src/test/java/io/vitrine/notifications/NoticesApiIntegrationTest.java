package io.vitrine.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.support.Api;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** In-app notices and preferences over the API, for staff and shoppers, never across merchants. */
class NoticesApiIntegrationTest extends NotificationsIntegrationTest {

    @Test
    void shouldListAndMarkReadAStaffMembersOwnNoticesOnly() {
        Shop north = shop("anna");
        Shop south = shop("sam");
        UUID notice = notifications.notify(Notification.of("test.staff", "New rating", "Five stars.", "/console"),
                List.of(staffRecipient(north, "anna"))).getFirst();
        Api anna = north.staff("anna");

        var list = anna.get("/api/v1/notices");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).hasSize(1);
        assertThat(list.body().get(0).path("title").asString()).isEqualTo("New rating");
        assertThat(list.body().get(0).path("readAt").isNull()).isTrue();

        assertThat(south.staff("sam").post("/api/v1/notices/" + notice + "/read", null).status()).isEqualTo(404);
        assertThat(north.staff("admin").post("/api/v1/notices/" + notice + "/read", null).status()).isEqualTo(404);
        assertThat(north.staff("admin").get("/api/v1/notices").body()).isEmpty();
        assertThat(anna.get("/api/v1/notices?unread=true").body()).hasSize(1);

        assertThat(anna.post("/api/v1/notices/" + notice + "/read", null).status()).isEqualTo(204);
        assertThat(anna.get("/api/v1/notices?unread=true").body()).isEmpty();
        assertThat(anna.get("/api/v1/notices").body().get(0).path("readAt").isNull()).isFalse();
    }

    @Test
    void shouldLetAShopperReadTheirNoticesAndSetPreferencesByToken() {
        Shop north = shop("anna");
        Shop south = shop("sam");
        Api nora = north.shopper("Nora");
        UUID noraId = UUID.fromString(nora.get("/api/v1/widget/me").body().path("id").asString());
        UUID notice = notifications.notify(Notification.of("test.shopper", "Your answer is here", "Anna replied.", null),
                List.of(Recipient.shopper(north.merchant().id(), noraId))).getFirst();

        assertThat(nora.get("/api/v1/notices").body()).hasSize(1);
        Api stranger = south.shopper("Sid");
        assertThat(stranger.get("/api/v1/notices").body()).isEmpty();
        assertThat(stranger.post("/api/v1/notices/" + notice + "/read", null).status()).isEqualTo(404);
        assertThat(nora.post("/api/v1/notices/" + notice + "/read", null).status()).isEqualTo(204);

        assertThat(nora.get("/api/v1/notification-preferences").body().path("email").asBoolean()).isTrue();
        var saved = nora.put("/api/v1/notification-preferences", Map.of("email", false, "push", true));
        assertThat(saved.status()).isEqualTo(200);
        assertThat(nora.get("/api/v1/notification-preferences").body().path("email").asBoolean()).isFalse();
        assertThat(stranger.get("/api/v1/notification-preferences").body().path("email").asBoolean()).isTrue();
        assertThat(nora.put("/api/v1/notification-preferences", Map.of("email", false)).status()).isEqualTo(400);
    }

    @Test
    void shouldRefuseCallersWithoutSessionOrKnownToken() {
        assertThat(Api.anonymous(port).get("/api/v1/notices").status()).isEqualTo(401);
        assertThat(Api.withToken(port, "unknown-token").get("/api/v1/notices").status()).isEqualTo(401);
        assertThat(Api.anonymous(port).get("/api/v1/notification-preferences").status()).isEqualTo(401);
    }

    @Test
    void shouldShowFailedOutboxRowsToTheMerchantsAdminsOnly() throws Exception {
        Shop north = shop("anna");
        Shop south = shop("sam");
        Recipient anna = staffRecipient(north, "anna");
        try (LoopbackPushService pushService = new LoopbackPushService()) {
            north.staff("anna").post("/api/v1/push/subscriptions", Map.of("endpoint", pushService.endpoint(),
                    "keys", Map.of("p256dh", pushService.p256dh(), "auth", pushService.auth())));
            pushService.answer(410);
            notifications.notify(Notification.of("test.failed", "Lost", "Gone.", null, Channel.PUSH), List.of(anna));
            eventually().until(() -> outboxOf(anna.id()).getFirst().get("status").equals("FAILED"));
        }

        var failed = north.staff("admin").get("/api/v1/notifications/outbox?status=FAILED");
        assertThat(failed.status()).isEqualTo(200);
        assertThat(failed.body()).hasSize(1);
        assertThat(failed.body().get(0).path("recipientId").asString()).isEqualTo(anna.id().toString());
        assertThat(failed.body().get(0).path("lastError").asString()).contains("410");
        assertThat(failed.body().get(0).has("payload")).isFalse();
        assertThat(north.staff("admin").get("/api/v1/notifications/outbox?status=SENT").body()).isEmpty();
        assertThat(south.staff("admin").get("/api/v1/notifications/outbox?status=FAILED").body()).isEmpty();
        assertThat(north.staff("anna").get("/api/v1/notifications/outbox").status()).isEqualTo(403);
    }
}
