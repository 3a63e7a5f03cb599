package io.vitrine.rooms;

import static io.vitrine.support.Socket.type;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.vitrine.notifications.NotificationsIntegrationTest;
import io.vitrine.support.Api;
import io.vitrine.support.MovableClock;
import io.vitrine.support.Socket;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Brand rooms over HTTP and the socket, with a clock the test moves: an early link says when it opens, an open one
 * admits visitors into the expert's dialog up to the capacity, an expired one has ended; announcements by email.
 */
@Import(MovableClock.Configuration.class)
class RoomsIntegrationTest extends NotificationsIntegrationTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    /**
     * The clock jumps ahead by up to four hours: consoles seen "long ago" by it must not count as gone (with a shorter
     * grace the dialog sweep could take the expert's room dialog away before the next heartbeat).
     */
    @DynamicPropertySource
    static void patientPresence(DynamicPropertyRegistry registry) {
        registry.add("vitrine.presence.grace", () -> "1d");
    }

    @Autowired
    MovableClock clock;

    @Autowired
    io.vitrine.rooms.internal.RoomReminders reminders;

    private void advance(Duration by) {
        clock.moveBy(by);
    }

    @Test
    void shouldSayWhenItOpensThenAdmitVisitorsIntoTheExpertsDialogThenEnd() throws Exception {
        Shop shop = shop("anna");
        Api anna = shop.online("anna");
        JsonNode room = create(anna, room("Collection review", inMinutes(60)));
        assertThat(room.path("state").asString()).isEqualTo("SCHEDULED");
        assertThat(room.path("expiryHours").asInt()).isEqualTo(3);
        assertThat(room.path("capacity").asInt()).isEqualTo(5);
        String token = token(room);
        assertThat(token.length()).as("256 random bits").isGreaterThanOrEqualTo(43);
        Api visitor = Api.anonymous(port);

        JsonNode early = visitor.get("/api/v1/widget/rooms/" + token).body();
        assertThat(early.path("state").asString()).isEqualTo("SCHEDULED");
        assertThat(Instant.parse(early.path("opensAt").asString()))
                .isEqualTo(Instant.parse(room.path("start").asString()).minus(Duration.ofMinutes(5)));
        assertThat(visitor.get("/r/" + token).status()).isEqualTo(200);
        var tooEarly = visitor.post("/api/v1/widget/rooms/" + token + "/join", Map.of("screenName", "Vera"));
        assertThat(tooEarly.status()).isEqualTo(409);
        assertThat(tooEarly.body().path("code").asString()).isEqualTo("room_not_open");
        var ics = download(visitor, "/api/v1/widget/rooms/" + token + "/invitation.ics");
        assertThat(ics.statusCode()).isEqualTo(200);
        assertThat(ics.body()).contains("METHOD:REQUEST", "UID:" + room.path("id").asString() + "@vitrine");

        advance(Duration.ofMinutes(56));
        assertThat(visitor.get("/api/v1/widget/rooms/" + token).body().path("state").asString()).isEqualTo("OPEN");
        var vera = join(token, "Vera");
        var walt = join(token, "Walt");
        String dialogId = vera.body().path("dialog").path("id").asString();
        assertThat(walt.body().path("dialog").path("id").asString()).isEqualTo(dialogId);
        assertThat(vera.body().path("dialog").path("status").asString()).isEqualTo("ACTIVE");
        assertThat(vera.body().path("dialog").path("mode").asString()).isEqualTo("VIDEO");
        assertThat(vera.body().path("dialog").path("expert").path("name").asString()).isEqualTo("Anna Expert");

        // Both visitors are Guests of the expert's dialog: the same chat, the same permissions.
        Api veraApi = Api.withToken(port, vera.body().path("token").asString());
        Api waltApi = Api.withToken(port, walt.body().path("token").asString());
        JsonNode you = veraApi.get("/api/v1/widget/me/dialogs/" + dialogId).body().path("you");
        assertThat(you.path("role").asString()).isEqualTo("GUEST");
        assertThat(strings(you.path("permissions"))).contains("CHAT", "SPEAK").doesNotContain("END", "INVITE");
        assertThat(anna.get("/api/v1/dialogs/" + dialogId).body().path("you").path("role").asString()).isEqualTo("EXPERT");
        Socket veraWs = Socket.welcomed(veraApi);
        Socket waltWs = Socket.welcomed(waltApi);
        veraWs.send(Map.of("type", "subscribe", "dialogId", dialogId, "afterSeq", 0));
        waltWs.send(Map.of("type", "subscribe", "dialogId", dialogId, "afterSeq", 0));
        veraWs.await(type("subscribed"));
        waltWs.await(type("subscribed"));
        veraWs.send(Map.of("type", "say", "dialogId", dialogId, "text", "Hello from Vera"));
        waltWs.await(frame -> "Hello from Vera".equals(frame.path("text").asString()));
        assertThat(anna.get("/api/v1/rooms/" + room.path("id").asString()).body().path("dialogId").asString())
                .isEqualTo(dialogId);
        veraWs.close();
        waltWs.close();

        advance(Duration.ofHours(3).plusMinutes(10));
        assertThat(visitor.get("/api/v1/widget/rooms/" + token).body().path("state").asString()).isEqualTo("ENDED");
        var late = visitor.post("/api/v1/widget/rooms/" + token + "/join", Map.of("screenName", "Late"));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.body().path("code").asString()).isEqualTo("room_ended");
        assertThat(visitor.get("/r/" + token).status()).as("the page says it has ended").isEqualTo(200);
    }

    @Test
    void shouldRefuseTheParticipantBeyondTheCapacity() {
        Shop shop = shop("anna");
        Api anna = shop.online("anna");
        var body = room("Small circle", inMinutes(2));
        body.put("capacity", 2);
        String token = token(create(anna, body));
        assertThat(join(token, "One").status()).isEqualTo(200);
        var two = join(token, "Two");
        assertThat(two.status()).isEqualTo(200);
        var three = Api.anonymous(port).post("/api/v1/widget/rooms/" + token + "/join", Map.of("screenName", "Three"));
        assertThat(three.status()).isEqualTo(409);
        assertThat(three.body().path("code").asString()).isEqualTo("room_full");
        assertThat(three.body().path("detail").asString()).startsWith("This room is full");
        // Someone already inside gets their seat back rather than a refusal.
        Api twoApi = Api.withToken(port, two.body().path("token").asString());
        assertThat(twoApi.post("/api/v1/widget/rooms/" + token + "/join", Map.of("screenName", "Two")).status())
                .isEqualTo(200);

        // A Guest who left comes back through the dialog's own rejoin: the room's capacity holds there too.
        String dialog = "/api/v1/widget/me/dialogs/" + two.body().path("dialog").path("id").asString();
        assertThat(twoApi.post(dialog + "/leave", null).status()).isEqualTo(200);
        var four = join(token, "Four");
        assertThat(four.status()).as("the seat Two left is free").isEqualTo(200);
        var rejoin = twoApi.post(dialog + "/rejoin", null);
        assertThat(rejoin.status()).as(rejoin.raw()).isEqualTo(409);
        assertThat(rejoin.body().path("code").asString()).isEqualTo("room_full");
        assertThat(rejoin.body().path("detail").asString()).isEqualTo("This room is full: 2 participants are in it already.");
        Api fourApi = Api.withToken(port, four.body().path("token").asString());
        assertThat(fourApi.post(dialog + "/leave", null).status()).isEqualTo(200);
        assertThat(twoApi.post(dialog + "/rejoin", null).status()).as("room again").isEqualTo(200);
    }

    @Test
    void shouldAdmitExactlyTheCapacityWhenVisitorsRaceForIt() throws Exception {
        Shop shop = shop("anna");
        Api anna = shop.online("anna");
        var body = room("Busy room", inMinutes(2));
        body.put("capacity", 3);
        String token = token(create(anna, body));
        var go = new java.util.concurrent.CountDownLatch(1);
        var threads = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            var results = new java.util.ArrayList<java.util.concurrent.Future<Integer>>();
            for (int i = 0; i < 8; i++) {
                String name = "Visitor " + i;
                results.add(threads.submit(() -> {
                    go.await();
                    return Api.anonymous(port).post("/api/v1/widget/rooms/" + token + "/join",
                            Map.of("screenName", name)).status();
                }));
            }
            go.countDown();
            var statuses = new java.util.ArrayList<Integer>();
            for (var result : results) {
                statuses.add(result.get(120, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertThat(statuses).filteredOn(s -> s == 200).hasSize(3);
            assertThat(statuses).filteredOn(s -> s == 409).hasSize(5);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void shouldRunATextRoomWithoutAStream() {
        Shop shop = shop("anna");
        Api anna = shop.online("anna");
        var body = room("Text Q&A", inMinutes(1));
        body.put("video", false);
        JsonNode room = create(anna, body);
        assertThat(room.path("video").asBoolean()).isFalse();
        var joined = join(token(room), "Tess");
        assertThat(joined.body().path("dialog").path("mode").asString()).isEqualTo("TEXT");
        Api tess = Api.withToken(port, joined.body().path("token").asString());
        Socket ws = Socket.welcomed(tess);
        String dialogId = joined.body().path("dialog").path("id").asString();
        ws.send(Map.of("type", "subscribe", "dialogId", dialogId, "afterSeq", 0));
        ws.await(type("subscribed"));
        ws.send(Map.of("type", "stream", "dialogId", dialogId));
        JsonNode refused = ws.await(type("error"));
        assertThat(refused.path("code").asString()).isEqualTo("text_only");
        ws.close();
    }

    @Test
    void shouldAnnounceTheRoomByEmailWithACalendarInvitation() throws Exception {
        Shop shop = shop("anna");
        Api anna = shop.online("anna");
        JsonNode room = create(anna, room("Spring collection", inMinutes(24 * 60)));
        String path = "/api/v1/rooms/" + room.path("id").asString() + "/announce";
        GreenMail smtp = smtpServer();
        try {
            var sent = anna.post(path, Map.of("addresses", "ada@buyer.test, BOB@buyer.test\nada@buyer.test; bob@buyer.test"));
            assertThat(sent.status()).isEqualTo(200);
            assertThat(sent.body().path("sent").asInt()).as("deduplicated, case-insensitively").isEqualTo(2);
            eventually().until(() -> smtp.getReceivedMessagesForDomain("buyer.test").length >= 2);
            MimeMessage mail = smtp.getReceivedMessagesForDomain("buyer.test")[0];
            assertThat(mail.getSubject()).startsWith("Invitation: Spring collection");
            assertThat(mail.getHeader("List-Unsubscribe")).isNotEmpty();
            Calendar invite = new CalendarBuilder().build(new StringReader(part((Multipart) mail.getContent(), "text/calendar")));
            assertThat(invite.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("REQUEST");
            VEvent event = (VEvent) invite.getComponent(Component.VEVENT).orElseThrow();
            assertThat(event.getProperty(Property.UID).orElseThrow().getValue()).isEqualTo(room.path("id").asString() + "@vitrine");
            assertThat(event.getProperty(Property.LOCATION).orElseThrow().getValue()).isEqualTo(room.path("link").asString());

            var again = anna.post(path, Map.of("addresses", "ada@buyer.test cleo@buyer.test"));
            assertThat(again.body().path("sent").asInt()).isEqualTo(1);
            assertThat(again.body().path("skipped").asInt()).isEqualTo(1);
            assertThat(again.body().path("total").asInt()).isEqualTo(3);
        } finally {
            smtp.stop();
        }
    }

    @Test
    void shouldMoveTheRoomAndThenCancelItTellingEveryoneAnnouncedWithTheSameUid() throws Exception {
        Shop shop = shop("anna", "otto");
        Api anna = shop.online("anna");
        JsonNode room = create(anna, room("Autumn collection", inMinutes(24 * 60)));
        String id = room.path("id").asString();
        String uid = id + "@vitrine";
        GreenMail smtp = smtpServer();
        try {
            assertThat(anna.post("/api/v1/rooms/" + id + "/announce", Map.of("addresses", "ada@move.test bob@move.test"))
                    .status()).isEqualTo(200);
            eventually().until(() -> smtp.getReceivedMessagesForDomain("move.test").length >= 2);

            LocalDateTime later = inMinutes(48 * 60);
            var moved = anna.post("/api/v1/rooms/" + id + "/move", Map.of("start", later.toString(), "expiryHours", 2));
            assertThat(moved.status()).as(moved.raw()).isEqualTo(200);
            assertThat(Instant.parse(moved.body().path("start").asString())).isEqualTo(later.atZone(BERLIN).toInstant());
            assertThat(moved.body().path("expiryHours").asInt()).isEqualTo(2);
            VEvent request = event(eventually(smtp, "ada@move.test", "Moved: Autumn collection"), "REQUEST");
            assertThat(request.getProperty(Property.UID).orElseThrow().getValue()).isEqualTo(uid);
            assertThat(request.getProperty(Property.SEQUENCE).orElseThrow().getValue()).isEqualTo("1");
            assertThat(request.getProperty(Property.DTSTART).orElseThrow().getValue()).startsWith(
                    later.toLocalDate().toString().replace("-", ""));
            eventually(smtp, "bob@move.test", "Moved: Autumn collection");
            // The download is the same event as the emails: moved, sequence raised.
            assertThat(download(Api.anonymous(port), "/api/v1/widget/rooms/" + token(room) + "/invitation.ics").body())
                    .contains("SEQUENCE:1");

            var past = anna.post("/api/v1/rooms/" + id + "/move", Map.of("start", inMinutes(-30).toString()));
            assertThat(past.status()).isEqualTo(400);
            assertThat(past.raw()).contains("in the past");
            assertThat(anna.post("/api/v1/rooms/" + id + "/move", Map.of()).status()).isEqualTo(400);
            assertThat(shop.staff("otto").post("/api/v1/rooms/" + id + "/cancel", Map.of()).status())
                    .as("a colleague's room looks missing").isEqualTo(404);

            var cancelled = anna.post("/api/v1/rooms/" + id + "/cancel", Map.of());
            assertThat(cancelled.status()).as(cancelled.raw()).isEqualTo(200);
            assertThat(cancelled.body().path("state").asString()).isEqualTo("CANCELLED");
            VEvent cancel = event(eventually(smtp, "ada@move.test", "Cancelled: Autumn collection"), "CANCEL");
            assertThat(cancel.getProperty(Property.UID).orElseThrow().getValue()).isEqualTo(uid);
            assertThat(cancel.getProperty(Property.SEQUENCE).orElseThrow().getValue()).isEqualTo("2");
            eventually(smtp, "bob@move.test", "Cancelled: Autumn collection");

            Api visitor = Api.anonymous(port);
            assertThat(visitor.get("/api/v1/widget/rooms/" + token(room)).body().path("state").asString()).isEqualTo("CANCELLED");
            for (var refused : java.util.List.of(
                    anna.post("/api/v1/rooms/" + id + "/move", Map.of("start", later.toString())),
                    anna.post("/api/v1/rooms/" + id + "/cancel", Map.of()),
                    anna.post("/api/v1/rooms/" + id + "/announce", Map.of("addresses", "cleo@move.test")))) {
                assertThat(refused.status()).as(refused.raw()).isEqualTo(409);
                assertThat(refused.body().path("code").asString()).isEqualTo("room_cancelled");
            }
            clock.moveBy(Duration.ofHours(48));
            var join = visitor.post("/api/v1/widget/rooms/" + token(room) + "/join", Map.of("screenName", "Vera"));
            assertThat(join.status()).isEqualTo(409);
            assertThat(join.body().path("code").asString()).isEqualTo("room_cancelled");
            assertThat(join.body().path("detail").asString()).isEqualTo("This presentation was cancelled.");

            JsonNode ended = create(shop.staff("admin"), with(room("Over", inMinutes(10)), "expertId", shop.memberId("anna").toString()));
            clock.moveBy(Duration.ofHours(4));
            var late = anna.post("/api/v1/rooms/" + ended.path("id").asString() + "/move", Map.of("start", inMinutes(60).toString()));
            assertThat(late.status()).isEqualTo(409);
            assertThat(late.body().path("code").asString()).isEqualTo("room_ended");
        } finally {
            smtp.stop();
        }
    }

    @Test
    void shouldRemindInviteesOnceWhenTheRoomOpensAndNeverOfACancelledRoom() throws Exception {
        Shop shop = shop("anna");
        Api anna = shop.online("anna");
        JsonNode room = create(anna, room("Launch", inMinutes(60)));
        JsonNode called = create(anna, room("Called off", inMinutes(60)));
        GreenMail smtp = smtpServer();
        try {
            anna.post("/api/v1/rooms/" + room.path("id").asString() + "/announce", Map.of("addresses", "ada@remind.test"));
            anna.post("/api/v1/rooms/" + called.path("id").asString() + "/announce", Map.of("addresses", "cleo@remind.test"));
            assertThat(anna.post("/api/v1/rooms/" + called.path("id").asString() + "/cancel", Map.of()).status()).isEqualTo(200);
            eventually().until(() -> smtp.getReceivedMessagesForDomain("remind.test").length >= 3);
            assertThat(reminders.sendDue(clock.instant())).as("not due an hour before").isZero();

            clock.moveBy(Duration.ofMinutes(56));
            MimeMessage reminder = eventually(smtp, "ada@remind.test", "Starting soon: Launch");
            Object content = reminder.getContent();
            assertThat(content instanceof Multipart parts ? part(parts, "text/plain") : content.toString())
                    .contains(room.path("link").asString());
            // Another node, or this one after a restart, finds nothing left to send.
            assertThat(reminders.sendDue(clock.instant())).isZero();
            assertThat(jdbc.sql("select count(*) from notice where kind = 'room.reminder' and link in (?, ?)")
                    .params(room.path("link").asString(), called.path("link").asString()).query(Integer.class).single())
                    .as("one reminder, none for the cancelled room").isEqualTo(1);
            assertThat(jdbc.sql("select count(*) from room where reminded_at is null and id in (?, ?)")
                    .params(java.util.UUID.fromString(room.path("id").asString()), java.util.UUID.fromString(called.path("id").asString()))
                    .query(Integer.class).single()).isZero();
        } finally {
            smtp.stop();
        }
    }

    private static MimeMessage eventually(GreenMail smtp, String to, String subject) {
        java.util.concurrent.atomic.AtomicReference<MimeMessage> found = new java.util.concurrent.atomic.AtomicReference<>();
        eventually().until(() -> {
            for (MimeMessage m : smtp.getReceivedMessages()) {
                if (m.getSubject().startsWith(subject) && java.util.Arrays.stream(m.getAllRecipients())
                        .anyMatch(a -> a.toString().contains(to))) {
                    found.set(m);
                    return true;
                }
            }
            return false;
        });
        return found.get();
    }

    private static VEvent event(MimeMessage mail, String method) throws Exception {
        Calendar invite = new CalendarBuilder().build(new StringReader(part((Multipart) mail.getContent(), "text/calendar")));
        assertThat(invite.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo(method);
        return (VEvent) invite.getComponent(Component.VEVENT).orElseThrow();
    }

    @Test
    void shouldKeepRoomsToTheirShopAndExpert() throws Exception {
        Shop shop = shop("anna", "otto");
        Api anna = shop.online("anna");
        JsonNode room = create(anna, room("Anna's room", inMinutes(30)));
        String id = room.path("id").asString();
        Api otto = shop.staff("otto");
        assertThat(otto.get("/api/v1/rooms/" + id).status()).as("a colleague's room").isEqualTo(404);
        assertThat(otto.post("/api/v1/rooms/" + id + "/announce", Map.of("addresses", "x@buyer.test")).status()).isEqualTo(404);
        assertThat(otto.get("/api/v1/rooms").body()).isEmpty();
        assertThat(otto.get("/api/v1/rooms/all").status()).isEqualTo(403);
        Api admin = shop.staff("admin");
        assertThat(admin.get("/api/v1/rooms/all").body()).hasSize(1);
        assertThat(admin.get("/api/v1/rooms/" + id).status()).isEqualTo(200);
        var forOtto = room("Otto's room", inMinutes(30));
        forOtto.put("expertId", shop.memberId("otto").toString());
        assertThat(admin.post("/api/v1/rooms", forOtto).status()).isEqualTo(201);
        assertThat(anna.post("/api/v1/rooms", forOtto).status()).as("experts make rooms for themselves").isEqualTo(403);

        Shop other = shop("eve");
        Api eveAdmin = other.staff("admin");
        assertThat(eveAdmin.get("/api/v1/rooms/" + id).status()).isEqualTo(404);
        assertThat(download(eveAdmin, "/api/v1/rooms/" + id + "/qr.svg").statusCode()).isEqualTo(404);
        assertThat(eveAdmin.get("/api/v1/rooms/all").body()).isEmpty();
        var foreignExpert = room("Not mine", inMinutes(30));
        foreignExpert.put("expertId", shop.memberId("anna").toString());
        assertThat(eveAdmin.post("/api/v1/rooms", foreignExpert).status()).isEqualTo(400);
        assertThat(download(anna, "/api/v1/rooms/" + id + "/qr.svg").body()).contains("<svg");
    }

    @Test
    void shouldRefuseBadInputsClearly() {
        Shop shop = shop("anna");
        Api anna = shop.staff("anna");
        assertInvalid(anna, with(room(" ", inMinutes(30)), "title", " "), "title");
        assertInvalid(anna, with(room("x", inMinutes(30)), "capacity", 6), "what a live stream carries");
        assertInvalid(anna, with(room("x", inMinutes(30)), "capacity", 0), "capacity");
        assertInvalid(anna, with(room("x", inMinutes(30)), "expiryHours", 0), "expiryHours");
        assertInvalid(anna, with(room("x", inMinutes(30)), "zone", "Nowhere/City"), "zone");
        assertInvalid(anna, with(room("x", inMinutes(30)), "start", "2027-03-28T02:30"), "clocks go forward");
        assertInvalid(anna, with(room("x", inMinutes(30)), "start", "2020-01-01T10:00"), "ended already");
        assertThat(anna.post("/api/v1/rooms", with(room("x", inMinutes(30)), "start", "tomorrow")).status()).isEqualTo(400);

        String announce = "/api/v1/rooms/" + create(anna, room("Fine", inMinutes(30))).path("id").asString() + "/announce";
        var bad = anna.post(announce, Map.of("addresses", "ok@buyer.test, not-an-address"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.raw()).contains("not-an-address");
        assertThat(anna.post(announce, Map.of("addresses", "  ")).status()).isEqualTo(400);
        String many = IntStream.range(0, 501).mapToObj(i -> "b" + i + "@buyer.test").collect(Collectors.joining(","));
        var tooMany = anna.post(announce, Map.of("addresses", many));
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.raw()).contains("at most 500");

        Api anonymous = Api.anonymous(port);
        assertThat(anonymous.get("/api/v1/widget/rooms/no-such-room").status()).isEqualTo(404);
        assertThat(anonymous.get("/r/no-such-room").status()).isEqualTo(404);
        String token = token(create(anna, room("Names", inMinutes(1))));
        assertThat(anonymous.post("/api/v1/widget/rooms/" + token + "/join", Map.of("screenName", "")).status()).isEqualTo(400);
        assertThat(anonymous.post("/api/v1/widget/rooms/" + token + "/join", Map.of("screenName", "x".repeat(41))).status())
                .isEqualTo(400);
        assertThat(anonymous.post("/api/v1/rooms", room("x", inMinutes(30))).status()).isIn(401, 403);
    }

    @Test
    void shouldDescribeTheRoomsApiInOpenApi() {
        JsonNode paths = Api.anonymous(port).get("/v3/api-docs").body().path("paths");
        for (String path : java.util.List.of("/api/v1/rooms", "/api/v1/rooms/all", "/api/v1/rooms/{id}",
                "/api/v1/rooms/{id}/announce", "/api/v1/rooms/{id}/qr.svg", "/api/v1/rooms/{id}/move", "/api/v1/rooms/{id}/cancel",
                "/api/v1/rooms/{id}/announce-contacts", "/api/v1/widget/rooms/{token}",
                "/api/v1/widget/rooms/{token}/join", "/api/v1/widget/rooms/{token}/invitation.ics")) {
            assertThat(paths.has(path)).as(path).isTrue();
        }
    }

    private void assertInvalid(Api api, Map<String, Object> body, String expected) {
        var response = api.post("/api/v1/rooms", body);
        assertThat(response.status()).as(response.raw()).isEqualTo(400);
        assertThat(response.raw()).contains(expected);
    }

    private Api.Response join(String token, String name) {
        var response = Api.anonymous(port).post("/api/v1/widget/rooms/" + token + "/join", Map.of("screenName", name));
        assertThat(response.status()).as(response.raw()).isIn(200, 409);
        return response;
    }

    private static JsonNode create(Api api, Map<String, Object> body) {
        var created = api.post("/api/v1/rooms", body);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.body();
    }

    private static String token(JsonNode room) {
        String link = room.path("link").asString();
        assertThat(link).contains("/r/");
        return link.substring(link.lastIndexOf('/') + 1);
    }

    private LocalDateTime inMinutes(long minutes) {
        return clock.instant().plus(Duration.ofMinutes(minutes)).atZone(BERLIN).toLocalDateTime().truncatedTo(ChronoUnit.SECONDS);
    }

    private static Map<String, Object> room(String title, LocalDateTime start) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("start", start.toString());
        body.put("zone", BERLIN.getId());
        return body;
    }

    private static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        body.put(key, value);
        return body;
    }

    private static java.net.http.HttpResponse<String> download(Api api, String path) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(api.base() + path)).header("Accept", "*/*");
        if (!api.cookieHeader().isEmpty()) {
            request.header("Cookie", api.cookieHeader());
        }
        return java.net.http.HttpClient.newHttpClient().send(request.GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    }


    private static String part(Multipart multipart, String type) throws Exception {
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.getContentType().startsWith(type)) {
                Object content = part.getContent();
                return content instanceof String text ? text
                        : new String(((java.io.InputStream) content).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
            if (part.getContent() instanceof Multipart nested) {
                String found = part(nested, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
