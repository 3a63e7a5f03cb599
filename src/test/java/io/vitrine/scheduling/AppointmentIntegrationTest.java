package io.vitrine.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.vitrine.support.Api;
import io.vitrine.support.LiveStream;
import jakarta.mail.internet.MimeMessage;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Scheduled streams from a live dialog, through the real HTTP endpoints, with mail to a real SMTP server. */
class AppointmentIntegrationTest extends SchedulingSupport {

    @Test
    void shouldLetTheExpertProposeTheHostConfirmAndEveryoneGetTheInvitationInTheirOwnZone() throws Exception {
        Shop shop = schedulingShop("anna");
        Api anna = shop.online("anna");
        LiveStream live = liveDialog(shop, anna, "Hana Host");
        Api guest = live.join(live.invite(), "Gia");
        GreenMail smtp = smtpServer();
        try {
            assertThat(anna.post(live.staffPath() + "/appointments", slot(3, 10, 0, BERLIN)).status()).isEqualTo(201);
            JsonNode seen = live.host.get(live.path() + "/appointments").body();
            assertThat(seen.path("expertZone").asString()).isEqualTo("Europe/Berlin");
            JsonNode proposed = seen.path("appointments").get(0);
            assertThat(proposed.path("status").asString()).isEqualTo("PROPOSED");
            assertThat(proposed.path("proposedBy").asString()).isEqualTo("EXPERT");
            assertThat(proposed.path("expertName").asString()).isEqualTo("Anna Expert");
            Instant start = Instant.parse(proposed.path("startsAt").asString());
            assertThat(start.atZone(BERLIN).toLocalTime().toString()).isEqualTo("10:00");
            String id = proposed.path("id").asString();

            var guestConfirms = guest.post("/api/v1/widget/me/appointments/" + id + "/confirm", null);
            assertThat(guestConfirms.status()).isEqualTo(403);
            assertThat(guestConfirms.body().path("code").asString()).isEqualTo("forbidden");
            assertThat(guestConfirms.body().path("detail").asString()).contains("Only the Host or the expert");
            assertThat(guest.post("/api/v1/widget/me/appointments/" + id + "/cancel", null).status()).isEqualTo(403);
            assertThat(guest.post("/api/v1/widget/me/dialogs/" + live.id + "/appointments", slot(4, 10, 0, BERLIN))
                    .status()).isEqualTo(403);

            var confirmed = live.host.post("/api/v1/widget/me/appointments/" + id + "/confirm", null);
            assertThat(confirmed.status()).isEqualTo(200);
            assertThat(confirmed.body().path("status").asString()).isEqualTo("CONFIRMED");
            assertThat(confirmed.body().path("googleCalendarUrl").asString())
                    .startsWith("https://calendar.google.com/calendar/render?action=TEMPLATE&text=Video+consultation");

            // The Guest sees it and can add it to a calendar, but gets no email (they gave none).
            var guestIcs = download(guest, "/api/v1/widget/me/appointments/" + id + "/invitation.ics");
            assertThat(guestIcs.statusCode()).isEqualTo(200);
            assertThat(guestIcs.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment");
            VEvent guestEvent = event(new CalendarBuilder().build(new StringReader(guestIcs.body())));
            assertThat(value(guestEvent, Property.UID)).isEqualTo(id + "@vitrine");

            MimeMessage annaMail = awaitMail(smtp, shop.slug() + ".test", 1)[0];
            MimeMessage hostMail = awaitMail(smtp, "customer.test", 1)[0];
            assertThat(annaMail.getSubject()).startsWith("Appointment confirmed:").contains("10:00 (Europe/Berlin)");
            Calendar hostInvite = calendarOf(hostMail);
            assertThat(method(hostInvite)).isEqualTo("REQUEST");
            assertThat(hostInvite.getComponent(Component.VTIMEZONE)).isPresent();
            assertThat(value(event(hostInvite), Property.SEQUENCE)).isEqualTo("0");

            // Moving it raises the sequence; cancelling sends a CANCEL with a higher one still.
            var moved = anna.post("/api/v1/appointments/" + id + "/reschedule", slot(3, 11, 0, BERLIN));
            assertThat(moved.status()).isEqualTo(200);
            assertThat(moved.body().path("sequence").asInt()).isEqualTo(1);
            Calendar movedInvite = calendarOf(awaitMail(smtp, "customer.test", 2)[1]);
            assertThat(method(movedInvite)).isEqualTo("REQUEST");
            assertThat(value(event(movedInvite), Property.SEQUENCE)).isEqualTo("1");
            Property movedStart = event(movedInvite).getProperty(Property.DTSTART).orElseThrow();
            assertThat(movedStart.getParameter(Parameter.TZID).orElseThrow().getValue()).isEqualTo("Europe/Berlin");
            assertThat(movedStart.getValue()).endsWith("T110000");

            assertThat(live.host.post("/api/v1/widget/me/appointments/" + id + "/cancel", null).body()
                    .path("status").asString()).isEqualTo("CANCELLED");
            Calendar cancel = calendarOf(awaitMail(smtp, "customer.test", 3)[2]);
            assertThat(method(cancel)).isEqualTo("CANCEL");
            assertThat(value(event(cancel), Property.STATUS)).isEqualTo("CANCELLED");
            assertThat(value(event(cancel), Property.UID)).isEqualTo(id + "@vitrine");
            assertThat(value(event(cancel), Property.SEQUENCE)).isEqualTo("2");
            assertThat(awaitMail(smtp, shop.slug() + ".test", 3)).hasSize(3);
            assertThat(jdbc.sql("select count(*) from appointment_reminder where appointment_id = ? and sent_at is null")
                    .param(java.util.UUID.fromString(id)).query(Integer.class).single()).as("a cancelled appointment has no reminders left").isZero();

            // Guests are told in-app.
            assertThat(texts(list(guest.get("/api/v1/notices").body()), "kind"))
                    .contains("appointment.proposed", "appointment.confirmed", "appointment.cancelled");
        } finally {
            smtp.stop();
        }
    }

    @Test
    void shouldRefuseATimeThatCollidesWithAnotherAppointmentOfTheExpertBeforeSavingIt() {
        Shop shop = schedulingShop("anna");
        Api anna = shop.online("anna");
        LiveStream first = liveDialog(shop, anna, "Hana Host");
        LiveStream second = liveDialog(shop, anna, "Hugo Host");
        assertThat(anna.post(first.staffPath() + "/appointments", at("2030-06-12", "15:00", BERLIN)).status()).isEqualTo(201);

        // 09:15 in New York is 15:15 in Berlin (summer time on both sides): inside Anna's 15:00–15:30.
        var clash = second.host.post(second.path() + "/appointments", at("2030-06-12", "09:15", NEW_YORK));
        assertThat(clash.status()).isEqualTo(409);
        assertThat(clash.body().path("code").asString()).isEqualTo("slot_taken");
        assertThat(clash.body().path("detail").asString())
                .contains("Anna Expert already has an appointment from Wed 12 Jun, 09:00 to 09:30 (America/New_York)");
        assertThat(second.host.get(second.path() + "/appointments").body().path("appointments"))
                .as("nothing was saved").isEmpty();

        var after = second.host.post(second.path() + "/appointments", at("2030-06-12", "09:30", NEW_YORK));
        assertThat(after.status()).as("right after it is free").isEqualTo(201);
        assertThat(after.body().path("customerZone").asString()).isEqualTo("America/New_York");
        assertThat(after.body().path("expertZone").asString()).isEqualTo("Europe/Berlin");
        assertThat(anna.get(second.staffPath() + "/appointments").body().path("customerZone").asString())
                .as("the expert's picker shows the customer's zone").isEqualTo("America/New_York");
    }

    private static Map<String, Object> at(String date, String time, java.time.ZoneId zone) {
        return Map.of("date", date, "time", time, "zone", zone.getId());
    }

    @Test
    void shouldRefuseBadTimesWithClearProblems() {
        Shop shop = schedulingShop("anna");
        Api anna = shop.online("anna");
        LiveStream live = liveDialog(shop, anna, "Hana Host");
        String path = live.path() + "/appointments";

        var past = live.host.post(path, slot(-1, 10, 0, BERLIN));
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.raw()).contains("passed");
        var zone = live.host.post(path, Map.of("date", "2030-01-10", "time", "10:00", "zone", "Mars/Olympus"));
        assertThat(zone.status()).isEqualTo(400);
        assertThat(zone.raw()).contains("Mars/Olympus");
        var gap = live.host.post(path, Map.of("date", "2030-03-31", "time", "02:30", "zone", "Europe/Berlin"));
        assertThat(gap.status()).isEqualTo(400);
        assertThat(gap.raw()).contains("clocks go forward");
        var broken = live.host.post(path, Map.of("date", "tomorrow", "time", "10:00", "zone", "Europe/Berlin"));
        assertThat(broken.status()).isEqualTo(400);
        assertThat(live.host.post(path, Map.of()).status()).isEqualTo(400);
        var tooLong = live.host.post(path, Map.of("date", "2030-01-10", "time", "10:00", "zone", "Europe/Berlin", "minutes", 600));
        assertThat(tooLong.status()).isEqualTo(400);

        Shop other = schedulingShop("otto");
        assertThat(other.staff("otto").post(live.staffPath() + "/appointments", slot(2, 10, 0, BERLIN)).status())
                .as("another merchant's dialog does not exist for them").isEqualTo(404);
        assertThat(other.staff("admin").get("/api/v1/appointments/all").body()).isEmpty();
    }

    @Test
    void shouldRefuseScheduledStreamsUntilTheMerchantTurnsThemOn() {
        Shop shop = shop("anna");
        Api anna = shop.online("anna");
        LiveStream live = LiveStream.start(shop, anna, "Hana Host");

        var off = anna.post(live.staffPath() + "/appointments", slot(2, 10, 0, BERLIN));
        assertThat(off.status()).isEqualTo(409);
        assertThat(off.body().path("code").asString()).isEqualTo("scheduling_off");
        assertThat(anna.put("/api/v1/scheduling/settings", Map.of("enabled", true, "slotMinutes", 30)).status())
                .as("only admins switch it on").isEqualTo(403);
    }

    @Test
    void shouldSaveExactlyOneOfManySimultaneousProposalsForTheSameSlot() throws Exception {
        Shop shop = schedulingShop("anna");
        Api anna = shop.online("anna");
        List<LiveStream> dialogs = List.of(liveDialog(shop, anna, "Hana Host"), liveDialog(shop, anna, "Hugo Host"),
                liveDialog(shop, anna, "Hedy Host"));
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                LiveStream live = dialogs.get(i % dialogs.size());
                Callable<Integer> propose = () -> {
                    go.await();
                    return live.host.post(live.path() + "/appointments", at("2030-06-13", "14:00", BERLIN)).status();
                };
                results.add(threads.submit(propose));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get(60, TimeUnit.SECONDS));
            }
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
            assertThat(statuses).filteredOn(s -> s == 409).hasSize(5);
            assertThat(anna.get("/api/v1/appointments").body()).hasSize(1);
        } finally {
            threads.shutdownNow();
        }
    }

    /** What a browser does for "Download .ics": a plain GET that accepts a calendar file. */
    static java.net.http.HttpResponse<String> download(Api api, String path) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(api.base() + path))
                .header("Accept", "text/calendar").header("Authorization", "Bearer " + api.token()).GET().build();
        return java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    static List<JsonNode> list(JsonNode array) {
        List<JsonNode> nodes = new ArrayList<>();
        array.forEach(nodes::add);
        return nodes;
    }
}
