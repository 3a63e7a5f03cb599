package io.vitrine.scheduling.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.notifications.LoopbackPushService;
import io.vitrine.scheduling.SchedulingSupport;
import io.vitrine.support.Api;
import io.vitrine.support.LiveStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * AppointmentReminders 24 hours and 10 minutes before, and the room opening at the start: each once, to everyone, by the
 * channels they allow. Time moves by handing the job the instant it would see on its clock then.
 */
class ReminderIntegrationTest extends SchedulingSupport {

    @Autowired
    ReminderJob job;

    @Test
    void shouldRemindEveryoneOnceAndOpenTheDialogAgainWhenItsTimeComes() throws Exception {
        Shop shop = schedulingShop("anna");
        Api anna = shop.online("anna");
        LiveStream live = liveDialog(shop, anna, "Hana Host");
        Api guest = live.join(live.invite(), "Gia");
        try (LoopbackPushService pushService = new LoopbackPushService()) {
            assertThat(anna.post("/api/v1/push/subscriptions", subscription(pushService)).status()).isEqualTo(201);
            assertThat(live.host.post(live.path() + "/notify-me", subscription(pushService)).status()).isEqualTo(201);
            var refused = guest.post(live.path() + "/notify-me", subscription(pushService));
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.body().path("detail").asString()).contains("Only the Host can subscribe");

            String id = anna.post(live.staffPath() + "/appointments", slot(3, 10, 0, BERLIN)).body().path("id").asString();
            JsonNode confirmed = live.host.post("/api/v1/widget/me/appointments/" + id + "/confirm", null).body();
            Instant start = Instant.parse(confirmed.path("startsAt").asString());
            assertThat(anna.post(live.staffPath() + "/end", null).body().path("status").asString()).isEqualTo("ENDED");

            // Other tests' appointments share the database: what counts is what happened to this one.
            job.sendDue(start.minus(Duration.ofHours(25)));
            assertThat(sent(id)).as("nothing due yet").isEmpty();
            job.sendDue(start.minus(Duration.ofHours(24)));
            assertThat(sent(id)).containsExactly("DAY_BEFORE");
            job.sendDue(start.minus(Duration.ofHours(24)));
            job.sendDue(start.minus(Duration.ofMinutes(10)));
            assertThat(sent(id)).containsExactlyInAnyOrder("DAY_BEFORE", "SOON");
            job.sendDue(start);
            job.sendDue(start.plus(Duration.ofHours(1)));
            assertThat(sent(id)).containsExactlyInAnyOrder("DAY_BEFORE", "SOON", "ROOM_OPEN");

            // The room is open: the same dialog, live again with its expert and its timeline.
            JsonNode reopened = live.host.get(live.path()).body();
            assertThat(reopened.path("dialog").path("status").asString()).isEqualTo("ACTIVE");
            assertThat(reopened.path("dialog").path("expert").path("name").asString()).isEqualTo("Anna Expert");
            assertThat(reopened.path("you").path("present").asBoolean()).isTrue();
            assertThat(texts(events(reopened), "kind")).startsWith("REQUESTED").contains("ENDED").endsWith("ACCEPTED");

            for (Api person : List.of(anna, live.host, guest)) {
                List<String> kinds = texts(list(person.get("/api/v1/notices").body()), "kind");
                assertThat(kinds).containsOnlyOnce("appointment.reminder", "appointment.soon", "appointment.open");
            }
            // Pushes: the expert and the Host who asked; never the Guest.
            eventually().until(() -> pushService.received().stream()
                    .filter(r -> r.message().path("kind").asString().equals("appointment.soon")).count() == 2);
            assertThat(pushService.received().stream().map(r -> r.message().path("title").asString()))
                    .anyMatch(title -> title.startsWith("Your appointment starts in 10 minutes: ")
                            && title.endsWith("10:00 (Europe/Berlin)"));
        }
    }

    @Test
    void shouldSendNoReminderForACancelledAppointment() {
        Shop shop = schedulingShop("anna");
        Api anna = shop.online("anna");
        LiveStream live = liveDialog(shop, anna, "Hana Host");
        String id = anna.post(live.staffPath() + "/appointments", slot(3, 10, 0, BERLIN)).body().path("id").asString();
        Instant start = Instant.parse(live.host.post("/api/v1/widget/me/appointments/" + id + "/confirm", null).body()
                .path("startsAt").asString());
        assertThat(anna.post("/api/v1/appointments/" + id + "/cancel", null).status()).isEqualTo(200);
        anna.post(live.staffPath() + "/end", null);

        job.sendDue(start.plus(Duration.ofMinutes(1)));
        assertThat(sent(id)).isEmpty();
        assertThat(texts(list(live.host.get("/api/v1/notices").body()), "kind"))
                .doesNotContain("appointment.reminder", "appointment.soon", "appointment.open");
        assertThat(live.host.get(live.path()).body().path("dialog").path("status").asString())
                .as("the room did not open").isEqualTo("ENDED");
    }

    @Test
    void shouldMoveTheRemindersWithTheAppointment() {
        Shop shop = schedulingShop("anna");
        Api anna = shop.online("anna");
        LiveStream live = liveDialog(shop, anna, "Hana Host");
        String id = anna.post(live.staffPath() + "/appointments", slot(3, 10, 0, BERLIN)).body().path("id").asString();
        Instant first = Instant.parse(live.host.post("/api/v1/widget/me/appointments/" + id + "/confirm", null).body()
                .path("startsAt").asString());
        Instant moved = Instant.parse(anna.post("/api/v1/appointments/" + id + "/reschedule", slot(4, 10, 0, BERLIN))
                .body().path("startsAt").asString());

        job.sendDue(first.minus(Duration.ofMinutes(10)));
        assertThat(sent(id)).as("the old times are gone").isEmpty();
        job.sendDue(moved.minus(Duration.ofMinutes(10)));
        assertThat(sent(id)).as("24 h and 10 min before the new time").containsExactlyInAnyOrder("DAY_BEFORE", "SOON");
    }

    /** The kinds of this appointment's reminders that have been sent. */
    private List<String> sent(String appointmentId) {
        return jdbc.sql("select kind from appointment_reminder where appointment_id = ? and sent_at is not null")
                .param(java.util.UUID.fromString(appointmentId)).query(String.class).list();
    }

    private static Map<String, Object> subscription(LoopbackPushService pushService) {
        return Map.of("endpoint", pushService.endpoint(), "keys", Map.of("p256dh", pushService.p256dh(), "auth",
                pushService.auth()));
    }

    private static List<JsonNode> events(JsonNode transcript) {
        return list(transcript.path("events"));
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> nodes = new ArrayList<>();
        array.forEach(nodes::add);
        return nodes;
    }
}
