package io.vitrine.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.support.Api;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Web Push to a push service on loopback that checks the VAPID signature and decrypts the message itself. */
class PushNotificationIntegrationTest extends NotificationsIntegrationTest {

    @Test
    void shouldDeliverASignedEncryptedPushThatThePushServiceCanDecrypt() throws Exception {
        Shop shop = shop("anna");
        Api anna = shop.staff("anna");
        try (LoopbackPushService pushService = new LoopbackPushService()) {
            String endpoint = pushService.endpoint();
            assertThat(anna.post("/api/v1/push/subscriptions", subscription(endpoint, pushService)).status())
                    .isEqualTo(201);

            notifications.notify(Notification.of("dialog.waiting", "A customer is waiting", "Nora asks about sofas.",
                    "/console", Channel.PUSH), List.of(staffRecipient(shop, "anna")));

            eventually().until(() -> !pushService.received().isEmpty());
            var received = pushService.received().getFirst();
            assertThat(received.message().path("title").asString()).isEqualTo("A customer is waiting");
            assertThat(received.message().path("body").asString()).isEqualTo("Nora asks about sofas.");
            assertThat(received.claims().path("aud").asString()).isEqualTo(endpoint.replaceFirst("(https?://[^/]+).*", "$1"));
            assertThat(received.claims().path("sub").asString()).startsWith("mailto:");
            // The key that signed is the one browsers get to subscribe with.
            String served = Api.anonymous(port).get("/api/v1/push/vapid-public-key").body().path("publicKey").asString();
            assertThat(received.claims().path("k").asString()).isEqualTo(served);
        }
    }

    @Test
    void shouldRemoveASubscriptionThePushServiceReportsGone() throws Exception {
        Shop shop = shop("anna");
        Api anna = shop.staff("anna");
        Recipient recipient = staffRecipient(shop, "anna");
        try (LoopbackPushService pushService = new LoopbackPushService()) {
            anna.post("/api/v1/push/subscriptions", subscription(pushService.endpoint(), pushService));
            pushService.answer(410);

            notifications.notify(Notification.of("test.gone", "Gone", "Nobody listens.", null, Channel.PUSH),
                    List.of(recipient));
            eventually().until(() -> outboxOf(recipient.id()).getFirst().get("status").equals("FAILED"));
            assertThat((String) outboxOf(recipient.id()).getFirst().get("last_error")).contains("410");
            assertThat(jdbc.sql("select count(*) from push_subscription where recipient_id = ?").param(recipient.id())
                    .query(Integer.class).single()).isZero();
        }
    }

    @Test
    void shouldShortenALongTextToFitOnePushMessage() throws Exception {
        Shop shop = shop("anna");
        try (LoopbackPushService pushService = new LoopbackPushService()) {
            shop.staff("anna").post("/api/v1/push/subscriptions", subscription(pushService.endpoint(), pushService));
            String longText = "Sofa fabrics. ".repeat(280);

            notifications.notify(Notification.of("test.long", "Long", longText, null, Channel.PUSH),
                    List.of(staffRecipient(shop, "anna")));

            eventually().until(() -> !pushService.received().isEmpty());
            String body = pushService.received().getFirst().message().path("body").asString();
            assertThat(body).hasSizeLessThanOrEqualTo(1000).endsWith("…");
            assertThat(longText).startsWith(body.substring(0, body.length() - 1));
            assertThat(shop.staff("anna").get("/api/v1/notices").body().get(0).path("body").asString())
                    .isEqualTo(longText);
        }
    }

    @Test
    void shouldServeTheVapidPublicKeyWithoutLogin() {
        var response = Api.anonymous(port).get("/api/v1/push/vapid-public-key");
        assertThat(response.status()).isEqualTo(200);
        byte[] key = java.util.Base64.getUrlDecoder().decode(response.body().path("publicKey").asString());
        assertThat(key).hasSize(65);
        assertThat(key[0]).isEqualTo((byte) 4);
    }

    @Test
    void shouldNotPushToARecipientWhoTurnedPushOff() throws Exception {
        Shop shop = shop("anna");
        Api anna = shop.staff("anna");
        Recipient recipient = staffRecipient(shop, "anna");
        try (LoopbackPushService pushService = new LoopbackPushService()) {
            anna.post("/api/v1/push/subscriptions", subscription(pushService.endpoint(), pushService));
            assertThat(anna.put("/api/v1/notification-preferences", Map.of("email", true, "push", false)).status())
                    .isEqualTo(200);

            notifications.notify(Notification.of("test.off", "Quiet", "Not pushed.", null, Channel.PUSH),
                    List.of(recipient));
            eventually().until(() -> outboxOf(recipient.id()).getFirst().get("status").equals("SKIPPED"));
            assertThat(pushService.received()).isEmpty();
        }
    }

    private static Map<String, Object> subscription(String endpoint, LoopbackPushService pushService) {
        return Map.of("endpoint", endpoint, "keys", Map.of("p256dh", pushService.p256dh(), "auth", pushService.auth()));
    }
}
