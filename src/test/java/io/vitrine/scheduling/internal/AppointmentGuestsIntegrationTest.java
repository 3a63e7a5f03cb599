package io.vitrine.scheduling.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.vitrine.scheduling.SchedulingSupport;
import io.vitrine.support.Api;
import io.vitrine.support.LiveStream;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.Map;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The Host adds Guests to an upcoming appointment: each gets a link (by email with the invitation, or to pass on),
 * within five customers in all; at the time each joins the room as a Guest. Guests and strangers are refused.
 */
class AppointmentGuestsIntegrationTest extends SchedulingSupport {

    @Autowired
    ReminderJob job;

    @Test
    void shouldLetOnlyTheHostAddGuestsWhoJoinTheRoomAtItsTime() throws Exception {
        Shop shop = schedulingShop("anna");
        Api anna = shop.online("anna");
        LiveStream live = liveDialog(shop, anna, "Hana Host");
        Api gia = live.join(live.invite(), "Gia");
        String id = anna.post(live.staffPath() + "/appointments", slot(3, 10, 0, BERLIN)).body().path("id").asString();
        String guests = "/api/v1/widget/me/appointments/" + id + "/guests";

        var early = live.host.post(guests, Map.of());
        assertThat(early.status()).as("a proposal takes no Guests yet").isEqualTo(409);
        assertThat(early.body().path("code").asString()).isEqualTo("not_confirmed");
        Instant start = Instant.parse(live.host.post("/api/v1/widget/me/appointments/" + id + "/confirm", null).body()
                .path("startsAt").asString());

        var byGuest = gia.post(guests, Map.of("email", "gus@guest.test"));
        assertThat(byGuest.status()).isEqualTo(403);
        assertThat(byGuest.body().path("code").asString()).isEqualTo("forbidden");
        assertThat(byGuest.body().path("detail").asString()).isEqualTo("Only the Host can add Guests to an appointment.");
        assertThat(gia.get(guests).status()).isEqualTo(403);
        assertThat(anna.get("/api/v1/widget/me/appointments/" + id + "/guests").status()).as("no shopper token").isEqualTo(401);
        assertThat(hostWithEmail(schedulingShop("otto"), "Stranger").post(guests, Map.of()).status())
                .as("another merchant's shopper").isEqualTo(404);
        var badEmail = live.host.post(guests, Map.of("email", "not-an-email"));
        assertThat(badEmail.status()).isEqualTo(400);
        assertThat(badEmail.raw()).contains("email");

        GreenMail smtp = smtpServer();
        String gusLink;
        try {
            var gus = live.host.post(guests, Map.of("email", "gus@guest.test"));
            assertThat(gus.status()).as(gus.raw()).isEqualTo(201);
            gusLink = gus.body().path("link").asString();
            assertThat(gusLink).startsWith("/widget/" + shop.slug() + "?appointment=");
            MimeMessage mail = awaitMail(smtp, "guest.test", 1)[0];
            assertThat(mail.getSubject()).startsWith("You are invited to an appointment:").endsWith("(Europe/Berlin)");
            Calendar invite = calendarOf(mail);
            assertThat(method(invite)).isEqualTo("REQUEST");
            assertThat(value(event(invite), Property.UID)).isEqualTo(id + "@vitrine");
            assertThat(mail.getContent().toString().length()).isPositive();
        } finally {
            smtp.stop();
        }
        assertThat(live.host.post(guests, Map.of("email", "GUS@guest.test")).body().path("code").asString())
                .isEqualTo("already_invited");
        var passOn = live.host.post(guests, Map.of());
        assertThat(passOn.status()).isEqualTo(201);
        assertThat(passOn.body().path("email").isNull()).isTrue();
        assertThat(live.host.post(guests, Map.of("email", "gwen@guest.test")).status()).isEqualTo(201);
        JsonNode list = live.host.get(guests).body();
        assertThat(list.path("customers").asInt()).as("Hana, Gia and three links").isEqualTo(5);
        assertThat(list.path("maxCustomers").asInt()).isEqualTo(5);
        assertThat(list.path("guests")).hasSize(3);
        var sixth = live.host.post(guests, Map.of("email", "sid@guest.test"));
        assertThat(sixth.status()).isEqualTo(409);
        assertThat(sixth.body().path("code").asString()).isEqualTo("too_many_guests");
        assertThat(sixth.body().path("detail").asString()).contains("at most 5 customers");

        // A Guest's link may open the room, never add others; before the time it does not open.
        String gusToken = gusLink.substring(gusLink.indexOf('=') + 1);
        String linkPath = "/api/v1/widget/" + shop.slug() + "/appointment-links/" + gusToken;
        Api anonymous = Api.anonymous(port);
        assertThat(anonymous.get(linkPath).body().path("role").asString()).isEqualTo("GUEST");
        assertThat(anonymous.post(linkPath + "/guests", Map.of()).status()).isEqualTo(403);
        assertThat(anonymous.get(linkPath + "/guests").status()).isEqualTo(403);
        assertThat(anonymous.post(linkPath + "/join", Map.of("screenName", "Gus")).body().path("code").asString())
                .isEqualTo("not_open");

        assertThat(anna.post(live.staffPath() + "/end", null).status()).isEqualTo(200);
        job.sendDue(start);
        var noName = anonymous.post(linkPath + "/join", Map.of("screenName", " "));
        assertThat(noName.status()).isEqualTo(400);
        assertThat(noName.raw()).contains("screenName", "Please enter a screen name");
        var joined = anonymous.post(linkPath + "/join", Map.of("screenName", "Gus"));
        assertThat(joined.status()).as(joined.raw()).isEqualTo(200);
        assertThat(joined.body().path("dialogId").asString()).isEqualTo(live.id.toString());
        Api gusApi = Api.withToken(port, joined.body().path("token").asString());
        JsonNode room = gusApi.get(live.path()).body();
        assertThat(room.path("dialog").path("status").asString()).isEqualTo("ACTIVE");
        assertThat(room.path("you").path("role").asString()).isEqualTo("GUEST");
        assertThat(room.path("you").path("present").asBoolean()).isTrue();
        assertThat(strings(room.path("you").path("permissions"))).contains("SPEAK", "CHAT")
                .doesNotContain("INVITE", "INVITE_TO_APPOINTMENT");
        assertThat(gusApi.post(guests, Map.of()).status()).as("Gus is a Guest now").isEqualTo(403);
        assertThat(live.host.get(guests).body().path("guests").get(0).path("joined").asBoolean()).isTrue();
    }

    @Test
    void shouldLetTheBookerAddAGuestFromTheirLinkAndBothMeetTheExpert() {
        Shop shop = bookableShop();
        Api anna = shop.online("anna");
        Api anonymous = Api.anonymous(port);
        Instant slot = Instant.parse(anonymous.get("/api/v1/book/" + shop.slug() + "/slots").body().get(0)
                .path("slots").get(0).asString());
        var booked = anonymous.post("/api/v1/book/" + shop.slug(), booking("Bea Booker", "bea@customer.test", slot));
        Api bea = Api.withToken(port, booked.body().path("token").asString());
        String appointmentId = booked.body().path("appointment").path("id").asString();
        String hostLink = BookedRoomIntegrationTest.notices(bea).getFirst().path("link").asString();
        String hostPath = "/api/v1/widget/" + shop.slug() + "/appointment-links/" + hostLink.substring(hostLink.indexOf('=') + 1);

        var added = anonymous.post(hostPath + "/guests", Map.of());
        assertThat(added.status()).as(added.raw()).isEqualTo(201);
        String guestLink = added.body().path("link").asString();
        assertThat(bea.get("/api/v1/widget/me/appointments/" + appointmentId + "/guests").body().path("guests"))
                .as("the same Guests from the widget").hasSize(1);
        for (int i = 0; i < 3; i++) {
            assertThat(bea.post("/api/v1/widget/me/appointments/" + appointmentId + "/guests", Map.of()).status()).isEqualTo(201);
        }
        assertThat(anonymous.post(hostPath + "/guests", Map.of()).body().path("code").asString())
                .as("Bea and four Guests").isEqualTo("too_many_guests");
        assertThat(anonymous.post("/api/v1/widget/" + schedulingShop("otto").slug() + "/appointment-links/"
                + hostLink.substring(hostLink.indexOf('=') + 1) + "/guests", Map.of()).status()).isEqualTo(404);

        job.sendDue(slot);
        var host = anonymous.post(hostPath + "/join", null);
        assertThat(host.status()).as(host.raw()).isEqualTo(200);
        String guestPath = "/api/v1/widget/" + shop.slug() + "/appointment-links/" + guestLink.substring(guestLink.indexOf('=') + 1);
        var guest = anonymous.post(guestPath + "/join", Map.of("screenName", "Gia"));
        assertThat(guest.status()).as(guest.raw()).isEqualTo(200);
        assertThat(guest.body().path("dialogId").asString()).isEqualTo(host.body().path("dialogId").asString());
        JsonNode room = anna.get("/api/v1/dialogs/" + host.body().path("dialogId").asString()).body();
        assertThat(texts(list(room.path("dialog").path("participants")), "name"))
                .contains("Bea Booker", "Gia", "Anna Expert");
    }

    private static java.util.List<JsonNode> list(JsonNode array) {
        java.util.List<JsonNode> nodes = new java.util.ArrayList<>();
        array.forEach(nodes::add);
        return nodes;
    }
}
