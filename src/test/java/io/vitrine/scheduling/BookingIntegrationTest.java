package io.vitrine.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.vitrine.support.Api;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The public booking page's API: free slots from working hours, booking with name and email, never twice. */
class BookingIntegrationTest extends SchedulingSupport {

    @Test
    void shouldOfferFreeSlotsAndSendTheBookerTheInvitation() throws Exception {
        Shop shop = bookableShop();
        Api anonymous = Api.anonymous(port);
        JsonNode experts = anonymous.get("/api/v1/book/" + shop.slug() + "/slots").body();
        assertThat(experts).hasSize(1);
        assertThat(experts.get(0).path("expert").asString()).isEqualTo("anna");
        assertThat(experts.get(0).path("zone").asString()).isEqualTo("Europe/Berlin");
        Instant slot = Instant.parse(experts.get(0).path("slots").get(0).asString());
        assertThat(slot.atZone(BERLIN).toLocalTime()).isBetween(LocalTime.of(9, 0), LocalTime.of(16, 30));
        assertThat(anonymous.get("/book/" + shop.slug()).raw()).contains("Book a video consultation", shop.merchant().name());

        GreenMail smtp = smtpServer();
        try {
            var booked = anonymous.post("/api/v1/book/" + shop.slug(), booking("Bea Booker", "bea@customer.test", slot));
            assertThat(booked.status()).isEqualTo(201);
            assertThat(booked.body().path("appointment").path("status").asString()).isEqualTo("CONFIRMED");
            assertThat(booked.body().path("appointment").path("customerZone").asString()).isEqualTo("America/New_York");
            assertThat(booked.body().path("appointment").path("customerName").asString()).isEqualTo("Bea Booker");

            MimeMessage mail = AppointmentIntegrationTest.awaitMail(smtp, "customer.test", 1)[0];
            assertThat(mail.getSubject()).startsWith("Appointment confirmed:").endsWith("(America/New_York)");
            Calendar invite = AppointmentIntegrationTest.calendarOf(mail);
            assertThat(AppointmentIntegrationTest.method(invite)).isEqualTo("REQUEST");
            assertThat(AppointmentIntegrationTest.value(AppointmentIntegrationTest.event(invite), Property.UID))
                    .isEqualTo(booked.body().path("appointment").path("id").asString() + "@vitrine");
            assertThat(AppointmentIntegrationTest.awaitMail(smtp, shop.slug() + ".test", 1)[0].getSubject())
                    .as("the expert, in the expert's zone").endsWith("(Europe/Berlin)");

            // The booker may download it with the token they got; the slot is gone from the page.
            Api bea = Api.withToken(port, booked.body().path("token").asString());
            assertThat(AppointmentIntegrationTest.download(bea, "/api/v1/widget/me/appointments/"
                    + booked.body().path("appointment").path("id").asString() + "/invitation.ics").statusCode()).isEqualTo(200);
            assertThat(strings(anonymous.get("/api/v1/book/" + shop.slug() + "/slots").body().get(0).path("slots")))
                    .doesNotContain(slot.toString());
            assertThat(shop.staff("anna").get("/api/v1/appointments").body()).hasSize(1);
            assertThat(shop.staff("admin").get("/api/v1/appointments/all").body()).hasSize(1);

            var again = anonymous.post("/api/v1/book/" + shop.slug(), booking("Carl", "carl@customer.test", slot));
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.body().path("code").asString()).isEqualTo("slot_taken");
        } finally {
            smtp.stop();
        }
    }

    @Test
    void shouldBookExactlyOneOfManySimultaneousBookingsOfOneSlot() throws Exception {
        Shop shop = bookableShop();
        Api anonymous = Api.anonymous(port);
        Instant slot = Instant.parse(anonymous.get("/api/v1/book/" + shop.slug() + "/slots").body().get(0)
                .path("slots").get(3).asString());
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String email = "booker" + i + "@customer.test";
                Callable<Integer> book = () -> {
                    go.await();
                    return anonymous.post("/api/v1/book/" + shop.slug(), booking("Booker", email, slot)).status();
                };
                results.add(threads.submit(book));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get(60, TimeUnit.SECONDS));
            }
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
            assertThat(statuses).filteredOn(s -> s == 409).hasSize(7);
            assertThat(jdbc.sql("select count(*) from appointment where merchant_id = ?").param(shop.merchant().id())
                    .query(Integer.class).single()).isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void shouldRefuseBadBookingsClearly() {
        Shop shop = bookableShop();
        Api anonymous = Api.anonymous(port);
        String path = "/api/v1/book/" + shop.slug();
        Instant slot = Instant.parse(anonymous.get(path + "/slots").body().get(0).path("slots").get(0).asString());

        var email = anonymous.post(path, booking("Bea", "not-an-email", slot));
        assertThat(email.status()).isEqualTo(400);
        assertThat(email.raw()).contains("email");
        var expert = anonymous.post(path, with(booking("Bea", "bea@customer.test", slot), "expert", "nobody"));
        assertThat(expert.status()).isEqualTo(400);
        assertThat(expert.raw()).contains("There is no expert 'nobody'");
        var offHours = anonymous.post(path, booking("Bea", "bea@customer.test", slot.plusSeconds(60)));
        assertThat(offHours.status()).isEqualTo(400);
        assertThat(offHours.raw()).contains("not one of Anna Expert's free slots");
        var past = anonymous.post(path, booking("Bea", "bea@customer.test", Instant.parse("2020-01-01T10:00:00Z")));
        assertThat(past.status()).isEqualTo(400);
        var zone = anonymous.post(path, with(booking("Bea", "bea@customer.test", slot), "zone", "Nowhere"));
        assertThat(zone.status()).isEqualTo(400);

        Shop closed = shop("otto");
        assertThat(anonymous.get("/api/v1/book/" + closed.slug() + "/slots").status()).isEqualTo(404);
        assertThat(anonymous.get("/book/" + closed.slug()).status()).isEqualTo(404);
        assertThat(anonymous.get("/api/v1/book/no-such-shop/slots").status()).isEqualTo(404);

        var otherAdmin = schedulingShop().staff("admin");
        assertThat(otherAdmin.get("/api/v1/scheduling/experts/" + shop.memberId("anna") + "/hours").status())
                .as("another merchant's expert does not exist for them").isEqualTo(404);
        assertThat(shop.staff("anna").put("/api/v1/scheduling/experts/" + shop.memberId("admin") + "/hours",
                hours()).status()).as("experts set only their own hours").isEqualTo(403);
    }

    @Test
    void shouldDescribeTheSchedulingEndpointsInTheOpenApiDocument() {
        JsonNode paths = Api.anonymous(port).get("/v3/api-docs").body().path("paths");
        for (String path : List.of("/api/v1/book/{merchant}", "/api/v1/book/{merchant}/slots",
                "/api/v1/widget/me/dialogs/{dialogId}/appointments", "/api/v1/widget/me/dialogs/{dialogId}/notify-me",
                "/api/v1/widget/me/appointments/{id}/confirm", "/api/v1/widget/me/appointments/{id}/invitation.ics",
                "/api/v1/dialogs/{dialogId}/appointments", "/api/v1/appointments", "/api/v1/appointments/all",
                "/api/v1/appointments/{id}/reschedule", "/api/v1/scheduling/settings",
                "/api/v1/scheduling/experts/{memberId}/hours", "/api/v1/widget/{merchant}/appointment-links/{token}",
                "/api/v1/widget/{merchant}/appointment-links/{token}/join",
                "/api/v1/widget/{merchant}/appointment-links/{token}/guests", "/api/v1/widget/me/appointments/{id}/guests")) {
            assertThat(paths.has(path)).as(path).isTrue();
        }
    }

    private static Map<String, Object> with(Map<String, Object> map, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(map);
        copy.put(key, value);
        return copy;
    }
}
