package io.vitrine.scheduling.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.scheduling.SchedulingSupport;
import io.vitrine.support.Api;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The room of an appointment booked on the booking page: at its time a live dialog on video opens straight to the
 * booked expert, and the booker enters it as its Host from the link in their notices.
 */
class BookedRoomIntegrationTest extends SchedulingSupport {

    @Autowired
    ReminderJob job;

    @Test
    void shouldOpenABookedRoomAtItsTimeWithTheBookerAsHostAndTheBookedExpert() {
        Shop shop = bookableShop();
        Api anna = shop.online("anna");
        shop.online("admin");
        Booked booked = book(shop, "Bea Booker");
        Api anonymous = Api.anonymous(port);
        String link = booked.linkPath(shop);

        JsonNode before = anonymous.get(link).body();
        assertThat(before.path("role").asString()).isEqualTo("HOST");
        assertThat(before.path("room").asString()).isEqualTo("NOT_OPEN");
        assertThat(before.path("expertName").asString()).isEqualTo("Anna Expert");
        var early = anonymous.post(link + "/join", null);
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.body().path("code").asString()).isEqualTo("not_open");
        assertThat(early.body().path("detail").asString()).startsWith("The room opens at ").endsWith("(America/New_York).");

        job.sendDue(booked.start());
        assertThat(anonymous.get(link).body().path("room").asString()).isEqualTo("OPEN");
        var joined = anonymous.post(link + "/join", null);
        assertThat(joined.status()).as(joined.raw()).isEqualTo(200);
        assertThat(joined.body().path("role").asString()).isEqualTo("HOST");
        String dialogId = joined.body().path("dialogId").asString();
        Api host = Api.withToken(port, joined.body().path("token").asString());

        JsonNode room = host.get("/api/v1/widget/me/dialogs/" + dialogId).body();
        assertThat(room.path("dialog").path("status").asString()).isEqualTo("ACTIVE");
        assertThat(room.path("dialog").path("mode").asString()).isEqualTo("VIDEO");
        assertThat(room.path("dialog").path("expert").path("name").asString()).isEqualTo("Anna Expert");
        assertThat(room.path("you").path("role").asString()).isEqualTo("HOST");
        assertThat(strings(room.path("you").path("permissions"))).contains("SPEAK", "INVITE", "END");
        JsonNode staffView = anna.get("/api/v1/dialogs/" + dialogId).body();
        assertThat(staffView.path("you").path("role").asString()).isEqualTo("EXPERT");
        assertThat(strings(staffView.path("you").path("permissions"))).contains("PUBLISH_VIDEO");
        assertThat(jdbc.sql("select count(*) from dialog_log where dialog_id = ? and kind = 'OFFERED'")
                .param(java.util.UUID.fromString(dialogId)).query(Integer.class).single())
                .as("no routing: nobody else was offered it, although the admin was online").isZero();

        // The appointment continues in the room; the booker's notice of the opening links to their pass.
        assertThat(host.get("/api/v1/widget/me/appointments/" + booked.id()).body().path("dialogId").asString())
                .isEqualTo(dialogId);
        assertThat(notices(host)).anyMatch(n -> n.path("kind").asString().equals("appointment.open")
                && n.path("link").asString().endsWith("?appointment=" + booked.pass()));
        assertThat(booked.api().get("/api/v1/widget/me").status())
                .as("the link signed the booker in afresh; the token of the booking page is replaced").isEqualTo(401);

        var again = anonymous.post(link + "/join", null);
        assertThat(again.status()).as("the link works again, on another device").isEqualTo(200);
        assertThat(again.body().path("dialogId").asString()).isEqualTo(dialogId);
        job.sendDue(booked.start().plusSeconds(60));
        assertThat(jdbc.sql("select count(*) from dialog where host_shopper_id = (select host_shopper_id from appointment where id = ?)")
                .param(java.util.UUID.fromString(booked.id())).query(Integer.class).single()).as("one room").isEqualTo(1);

        assertThat(anna.post("/api/v1/dialogs/" + dialogId + "/end", null).status()).isEqualTo(200);
        assertThat(anonymous.get(link).body().path("room").asString()).isEqualTo("ENDED");
        assertThat(anonymous.post(link + "/join", null).body().path("code").asString()).isEqualTo("ended");
    }

    @Test
    void shouldRefuseUnknownLinksAndLinksOfAnotherMerchant() {
        Shop shop = bookableShop();
        Booked booked = book(shop, "Bea Booker");
        Shop other = bookableShop();
        Api anonymous = Api.anonymous(port);
        String base = "/api/v1/widget/";

        var elsewhere = anonymous.get(base + other.slug() + "/appointment-links/" + booked.pass());
        assertThat(elsewhere.status()).isEqualTo(404);
        assertThat(elsewhere.body().path("code").asString()).isEqualTo("not_found");
        assertThat(anonymous.post(base + other.slug() + "/appointment-links/" + booked.pass() + "/join", null).status())
                .isEqualTo(404);
        assertThat(anonymous.get(base + shop.slug() + "/appointment-links/not-a-link").status()).isEqualTo(404);
        assertThat(anonymous.get(base + shop.slug() + "/appointment-links/" + "x".repeat(65)).status()).isEqualTo(404);
        assertThat(anonymous.get(base + "no-such-shop/appointment-links/" + booked.pass()).status()).isEqualTo(404);

        assertThat(booked.api().post("/api/v1/widget/me/appointments/" + booked.id() + "/cancel", null).status())
                .isEqualTo(200);
        job.sendDue(booked.start());
        String link = booked.linkPath(shop);
        assertThat(anonymous.get(link).body().path("room").asString()).isEqualTo("CANCELLED");
        var cancelled = anonymous.post(link + "/join", null);
        assertThat(cancelled.status()).isEqualTo(409);
        assertThat(cancelled.body().path("code").asString()).isEqualTo("cancelled");
    }

    /** A booking on the page; {@code pass} is the token of the booker's link, read from their confirmation notice. */
    record Booked(String id, Instant start, Api api, String pass) {

        String linkPath(Shop shop) {
            return "/api/v1/widget/" + shop.slug() + "/appointment-links/" + pass;
        }
    }

    private Booked book(Shop shop, String name) {
        Api anonymous = Api.anonymous(port);
        Instant slot = Instant.parse(anonymous.get("/api/v1/book/" + shop.slug() + "/slots").body().get(0)
                .path("slots").get(0).asString());
        var booked = anonymous.post("/api/v1/book/" + shop.slug(), booking(name, "bea@customer.test", slot));
        assertThat(booked.status()).as(booked.raw()).isEqualTo(201);
        Api booker = Api.withToken(port, booked.body().path("token").asString());
        String link = notices(booker).stream().filter(n -> n.path("kind").asString().equals("appointment.confirmed"))
                .findFirst().orElseThrow().path("link").asString();
        assertThat(link).startsWith("/widget/" + shop.slug() + "?appointment=");
        return new Booked(booked.body().path("appointment").path("id").asString(), slot, booker,
                link.substring(link.indexOf('=') + 1));
    }

    static List<JsonNode> notices(Api person) {
        List<JsonNode> nodes = new ArrayList<>();
        person.get("/api/v1/notices").body().forEach(nodes::add);
        return nodes;
    }

    static Map<String, Object> screenName(String name) {
        return Map.of("screenName", name);
    }
}
