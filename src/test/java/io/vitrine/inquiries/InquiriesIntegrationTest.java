package io.vitrine.inquiries;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.vitrine.scheduling.SchedulingSupport;
import io.vitrine.support.Api;
import io.vitrine.support.Mails;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The request page's appointment requests, messages and video chat requests: mailed to the brand's account, decided
 * by an admin, confirmed through scheduling's booking path (the requester gets the invitation), refused clearly.
 */
class InquiriesIntegrationTest extends SchedulingSupport {

    @Test
    void shouldMailTheBrandAndBookTheConfirmedRequestWithAnInvitation() throws Exception {
        Shop shop = bookableShop();
        Api anonymous = Api.anonymous(port);
        List<Instant> slots = slots(shop);
        Instant slot = slots.get(2);
        GreenMail smtp = smtpServer();
        try {
            var sent = anonymous.post("/api/v1/requests/" + shop.slug(), request("APPOINTMENT", "bea@customer.test", slot));
            assertThat(sent.status()).as(sent.raw()).isEqualTo(201);
            assertThat(sent.body().path("status").asString()).isEqualTo("OPEN");

            MimeMessage toBrand = Mails.awaitMailTo(smtp, "admin@" + shop.slug() + ".test");
            String berlin = slot.atZone(BERLIN).toLocalTime().toString();
            String newYork = slot.atZone(NEW_YORK).toLocalTime().toString();
            assertThat(toBrand.getSubject()).startsWith("Appointment request from Bea Buyer:").contains(berlin)
                    .endsWith("(Europe/Berlin)");
            String text = GreenMailUtil.getBody(toBrand);
            assertThat(text).contains("bea@customer.test", "+49 30 1234567", "Buyer GmbH", "Our spring collection",
                    berlin + " (Europe/Berlin)", newYork + " (America/New_York)");
            MimeMessage received = Mails.awaitMailTo(smtp, "bea@customer.test", "We received your request to");
            assertThat(GreenMailUtil.getBody(received)).as("the requester's own zone")
                    .contains(newYork + " (America/New_York)").contains("calendar invitation");

            Api admin = shop.staff("admin");
            JsonNode open = admin.get("/api/v1/inquiries?status=OPEN").body();
            assertThat(open).hasSize(1);
            assertThat(open.get(0).path("kind").asString()).isEqualTo("APPOINTMENT");
            assertThat(open.get(0).path("email").asString()).isEqualTo("bea@customer.test");
            String id = open.get(0).path("id").asString();

            var confirmed = admin.post("/api/v1/inquiries/" + id + "/confirm", Map.of("expert", "anna"));
            assertThat(confirmed.status()).as(confirmed.raw()).isEqualTo(200);
            assertThat(confirmed.body().path("status").asString()).isEqualTo("CONFIRMED");
            assertThat(Instant.parse(confirmed.body().path("confirmedStart").asString())).isEqualTo(slot);

            MimeMessage toRequester = Mails.awaitMailTo(smtp, "bea@customer.test", "Appointment confirmed:");
            assertThat(toRequester.getSubject()).startsWith("Appointment confirmed:").endsWith("(America/New_York)");
            Calendar invite = Mails.calendarOf(toRequester);
            assertThat(invite.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("REQUEST");
            VEvent event = (VEvent) invite.getComponent("VEVENT").orElseThrow();
            assertThat(event.getProperty(Property.UID).orElseThrow().getValue())
                    .isEqualTo(confirmed.body().path("appointmentId").asString() + "@vitrine");
            assertThat(Instant.from(event.getDateTimeStart().getDate())).isEqualTo(slot);
            assertThat(admin.get("/api/v1/appointments/all").body()).hasSize(1);
            assertThat(admin.post("/api/v1/inquiries/" + id + "/decline", Map.of()).status())
                    .as("decided once").isEqualTo(409);
        } finally {
            smtp.stop();
        }
    }

    @Test
    void shouldRefuseATakenSlotClearlyAndBookAnotherTimeTheAdminPicks() {
        Shop shop = bookableShop();
        Api anonymous = Api.anonymous(port);
        List<Instant> slots = slots(shop);
        Instant slot = slots.get(4);
        Api admin = shop.staff("admin");
        anonymous.post("/api/v1/requests/" + shop.slug(), request("VIDEO", "carl@customer.test", slot));
        anonymous.post("/api/v1/requests/" + shop.slug(), request("APPOINTMENT", "dora@customer.test", slot));
        JsonNode open = admin.get("/api/v1/inquiries").body();
        assertThat(open).hasSize(2);
        String video = open.get(1).path("id").asString();
        String appointment = open.get(0).path("id").asString();
        assertThat(open.get(1).path("kind").asString()).isEqualTo("VIDEO");

        assertThat(admin.post("/api/v1/inquiries/" + video + "/confirm", Map.of("expert", "anna")).status()).isEqualTo(200);
        var taken = admin.post("/api/v1/inquiries/" + appointment + "/confirm", Map.of("expert", "anna"));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.body().path("code").asString()).isEqualTo("slot_taken");
        assertThat(admin.get("/api/v1/inquiries?status=OPEN").body()).as("still open to decide").hasSize(1);

        var offGrid = admin.post("/api/v1/inquiries/" + appointment + "/confirm",
                Map.of("expert", "anna", "start", slots.get(5).plusSeconds(60).toString()));
        assertThat(offGrid.status()).isEqualTo(400);
        assertThat(offGrid.raw()).contains("not one of Anna Expert's free slots");

        var other = admin.post("/api/v1/inquiries/" + appointment + "/confirm",
                Map.of("expert", "anna", "start", slots.get(6).toString()));
        assertThat(other.status()).as(other.raw()).isEqualTo(200);
        assertThat(Instant.parse(other.body().path("confirmedStart").asString())).isEqualTo(slots.get(6));
    }

    @Test
    void shouldMailTheRequesterADecline() throws Exception {
        Shop shop = bookableShop();
        Instant slot = slots(shop).get(1);
        GreenMail smtp = smtpServer();
        try {
            Api.anonymous(port).post("/api/v1/requests/" + shop.slug(), request("VIDEO", "eve@customer.test", slot));
            MimeMessage toBrand = Mails.awaitMailTo(smtp, "admin@" + shop.slug() + ".test");
            assertThat(toBrand.getSubject()).startsWith("Video chat request from Bea Buyer:");
            Api admin = shop.staff("admin");
            String id = admin.get("/api/v1/inquiries").body().get(0).path("id").asString();
            var declined = admin.post("/api/v1/inquiries/" + id + "/decline", Map.of("reason", "We are at a fair that day."));
            assertThat(declined.status()).as(declined.raw()).isEqualTo(200);
            assertThat(declined.body().path("status").asString()).isEqualTo("DECLINED");
            MimeMessage toRequester = Mails.awaitMailTo(smtp, "eve@customer.test", "Your request to");
            assertThat(toRequester.getSubject()).isEqualTo("Your request to " + shop.merchant().name() + " was declined");
            assertThat(GreenMailUtil.getBody(toRequester)).contains("We are at a fair that day.");
        } finally {
            smtp.stop();
        }
    }

    @Test
    void shouldMailAndStoreAnEmailInquiryUntilItIsHandled() throws Exception {
        Shop shop = schedulingShop("anna");
        GreenMail smtp = smtpServer();
        try {
            Map<String, Object> message = new HashMap<>(request("EMAIL", "finn@customer.test", null));
            message.put("message", "Do you ship the oak chair to Vienna?");
            var sent = Api.anonymous(port).post("/api/v1/requests/" + shop.slug(), message);
            assertThat(sent.status()).as(sent.raw()).isEqualTo(201);
            MimeMessage toBrand = Mails.awaitMailTo(smtp, "admin@" + shop.slug() + ".test");
            assertThat(toBrand.getSubject()).isEqualTo("Message from Bea Buyer");
            assertThat(GreenMailUtil.getBody(toBrand)).contains("finn@customer.test", "Do you ship the oak chair to Vienna?");

            Api admin = shop.staff("admin");
            String id = admin.get("/api/v1/inquiries").body().get(0).path("id").asString();
            var confirm = admin.post("/api/v1/inquiries/" + id + "/confirm", Map.of("expert", "anna"));
            assertThat(confirm.status()).isEqualTo(409);
            assertThat(confirm.body().path("code").asString()).isEqualTo("no_time");
            var handled = admin.post("/api/v1/inquiries/" + id + "/handled", Map.of());
            assertThat(handled.status()).as(handled.raw()).isEqualTo(200);
            assertThat(handled.body().path("status").asString()).isEqualTo("HANDLED");
            assertThat(admin.get("/api/v1/inquiries?status=OPEN").body()).isEmpty();
            assertThat(admin.get("/api/v1/inquiries").body()).hasSize(1);
        } finally {
            smtp.stop();
        }
    }

    @Test
    void shouldEmailTheChosenAccountAndMayBeSwitchedOff() throws Exception {
        Shop shop = schedulingShop("anna");
        Api admin = shop.staff("admin");
        var saved = admin.put("/api/v1/inquiries/settings",
                Map.of("enabled", true, "accountMemberId", shop.memberId("anna").toString(), "zone", "Europe/Berlin"));
        assertThat(saved.status()).as(saved.raw()).isEqualTo(200);
        assertThat(saved.body().path("accountEmail").asString()).isEqualTo("anna@" + shop.slug() + ".test");
        GreenMail smtp = smtpServer();
        try {
            Map<String, Object> message = new HashMap<>(request("EMAIL", "gus@customer.test", null));
            message.put("message", "Hello");
            assertThat(Api.anonymous(port).post("/api/v1/requests/" + shop.slug(), message).status()).isEqualTo(201);
            assertThat(Mails.awaitMailTo(smtp, "anna@" + shop.slug() + ".test").getSubject()).isEqualTo("Message from Bea Buyer");
            assertThat(GreenMailUtil.getBody(Mails.awaitMailTo(smtp, "gus@customer.test", "Your message to")))
                    .as("the sender is told where the answer will come").contains("gus@customer.test");
        } finally {
            smtp.stop();
        }
        assertThat(admin.put("/api/v1/inquiries/settings", Map.of("enabled", true,
                "accountMemberId", schedulingShop().memberId("admin").toString(), "zone", "UTC")).status())
                .as("another merchant's member").isEqualTo(400);
        assertThat(admin.put("/api/v1/inquiries/settings", Map.of("enabled", false,
                "accountMemberId", shop.memberId("admin").toString(), "zone", "UTC")).status()).isEqualTo(200);
        assertThat(Api.anonymous(port).get("/api/v1/requests/" + shop.slug()).status()).isEqualTo(404);
        assertThat(Api.anonymous(port).get("/request/" + shop.slug()).status()).isEqualTo(404);
    }

    @Test
    void shouldRefuseBadRequestsClearlyAndDropABotsSilently() {
        Shop shop = bookableShop();
        Api anonymous = Api.anonymous(port);
        String path = "/api/v1/requests/" + shop.slug();
        Instant slot = slots(shop).get(0);

        assertField(anonymous.post(path, with(request("APPOINTMENT", "not-an-email", slot), "email", "not-an-email")), "email");
        assertField(anonymous.post(path, with(request("APPOINTMENT", "a@b", slot), "email", "a@b")), "email");
        assertField(anonymous.post(path, with(request("APPOINTMENT", "h@customer.test", slot), "start", null)), "start");
        assertField(anonymous.post(path, request("APPOINTMENT", "h@customer.test", Instant.parse("2020-01-01T10:00:00Z"))), "start");
        assertField(anonymous.post(path, with(request("EMAIL", "h@customer.test", null), "message", " ")), "message");
        assertField(anonymous.post(path, with(request("EMAIL", "h@customer.test", null), "message", "x".repeat(1001))), "message");
        assertField(anonymous.post(path, with(request("APPOINTMENT", "h@customer.test", slot), "name", "x".repeat(81))), "name");
        assertField(anonymous.post(path, with(request("APPOINTMENT", "h@customer.test", slot), "phone", "call me")), "phone");
        assertField(anonymous.post(path, with(request("APPOINTMENT", "h@customer.test", slot), "zone", "Nowhere")), "zone");
        assertField(anonymous.post(path, with(request("APPOINTMENT", "h@customer.test", slot), "kind", null)), "kind");
        var unknownKind = anonymous.post(path, with(request("APPOINTMENT", "h@customer.test", slot), "kind", "PHONE"));
        assertThat(unknownKind.status()).isEqualTo(400);
        assertThat(unknownKind.body().path("code").asString()).isEqualTo("invalid");
        assertThat(anonymous.post("/api/v1/requests/no-such-shop", request("APPOINTMENT", "h@customer.test", slot)).status())
                .isEqualTo(404);

        var bot = anonymous.post(path, with(request("APPOINTMENT", "bot@customer.test", slot), "website", "http://spam.example"));
        assertThat(bot.status()).isEqualTo(201);
        assertThat(shop.staff("admin").get("/api/v1/inquiries").body()).as("nothing stored").isEmpty();
    }

    @Test
    void shouldLimitRequestsPerAddress() throws Exception {
        Shop shop = bookableShop();
        Shop other = bookableShop();
        Api anonymous = Api.anonymous(port);
        Instant slot = slots(shop).get(0);
        for (int i = 0; i < 5; i++) {
            var sent = anonymous.post("/api/v1/requests/" + shop.slug(), request("APPOINTMENT", "r" + i + "@customer.test", slot));
            assertThat(sent.status()).as(sent.raw()).isEqualTo(201);
        }
        var refused = anonymous.post("/api/v1/requests/" + shop.slug(), request("APPOINTMENT", "r5@customer.test", slot));
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.body().path("code").asString()).isEqualTo("rate_limited");
        assertThat(refused.body().path("detail").asString()).startsWith("Too many requests from your address.");
        var again = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(anonymous.base() + "/api/v1/requests/" + shop.slug()))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(Api.JSON.writeValueAsString(
                        request("EMAIL", "r7@customer.test", null))))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(again.statusCode()).isEqualTo(429);
        assertThat(again.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(Long.parseLong(again.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 600L);
        assertThat(shop.staff("admin").get("/api/v1/inquiries").body()).hasSize(5);
        assertThat(anonymous.post("/api/v1/requests/" + other.slug(), request("APPOINTMENT", "r6@customer.test", slot))
                .status()).as("another merchant counts apart").isEqualTo(201);
    }

    @Test
    void shouldKeepEachMerchantsRequestsToItsOwnAdmins() {
        Shop shop = bookableShop();
        Shop other = bookableShop();
        Instant slot = slots(shop).get(0);
        Api.anonymous(port).post("/api/v1/requests/" + shop.slug(), request("APPOINTMENT", "ivy@customer.test", slot));
        String id = shop.staff("admin").get("/api/v1/inquiries").body().get(0).path("id").asString();

        Api otherAdmin = other.staff("admin");
        assertThat(otherAdmin.get("/api/v1/inquiries").body()).isEmpty();
        assertThat(otherAdmin.post("/api/v1/inquiries/" + id + "/confirm", Map.of("expert", "anna")).status()).isEqualTo(404);
        assertThat(otherAdmin.post("/api/v1/inquiries/" + id + "/decline", Map.of()).status()).isEqualTo(404);
        assertThat(otherAdmin.post("/api/v1/inquiries/" + id + "/handled", Map.of()).status()).isEqualTo(404);

        Api expert = shop.staff("anna");
        assertThat(expert.get("/api/v1/inquiries").status()).as("admins only").isEqualTo(403);
        assertThat(expert.post("/api/v1/inquiries/" + id + "/confirm", Map.of("expert", "anna")).status()).isEqualTo(403);
        assertThat(expert.get("/api/v1/inquiries/settings").status()).isEqualTo(403);
        assertThat(Api.anonymous(port).get("/api/v1/inquiries").status()).isEqualTo(401);
        assertThat(expert.get("/admin/requests").status()).isEqualTo(403);
        assertThat(shop.staff("admin").get("/api/v1/inquiries?status=OPEN").body()).hasSize(1);
    }

    @Test
    void shouldDescribeTheRequestEndpointsInTheOpenApiDocument() {
        JsonNode paths = Api.anonymous(port).get("/v3/api-docs").body().path("paths");
        for (String path : List.of("/api/v1/requests/{merchant}", "/api/v1/inquiries", "/api/v1/inquiries/{id}/confirm",
                "/api/v1/inquiries/{id}/decline", "/api/v1/inquiries/{id}/handled", "/api/v1/inquiries/settings")) {
            assertThat(paths.has(path)).as(path).isTrue();
        }
    }

    /** Anna works every day 09:00–17:00 in Berlin (SchedulingSupport); the brand's zone is Berlin too. */
    @Override
    protected Shop bookableShop() {
        Shop shop = super.bookableShop();
        var settings = shop.staff("admin").put("/api/v1/inquiries/settings", Map.of("enabled", true,
                "accountMemberId", shop.memberId("admin").toString(), "zone", "Europe/Berlin"));
        assertThat(settings.status()).as(settings.raw()).isEqualTo(200);
        return shop;
    }

    private List<Instant> slots(Shop shop) {
        JsonNode experts = Api.anonymous(port).get("/api/v1/book/" + shop.slug() + "/slots").body();
        return strings(experts.get(0).path("slots")).stream().map(Instant::parse).toList();
    }

    private static Map<String, Object> request(String kind, String email, Instant start) {
        Map<String, Object> request = new HashMap<>();
        request.put("kind", kind);
        request.put("name", "Bea Buyer");
        request.put("email", email);
        request.put("phone", "+49 30 1234567");
        request.put("company", "Buyer GmbH");
        request.put("message", "Our spring collection");
        request.put("start", start == null ? null : start.toString());
        request.put("zone", "America/New_York");
        return request;
    }

    private static Map<String, Object> with(Map<String, Object> map, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(map);
        copy.put(key, value);
        return copy;
    }

    private static void assertField(Api.Response response, String field) {
        assertThat(response.status()).as(response.raw()).isEqualTo(400);
        assertThat(response.body().path("code").asString()).isEqualTo("invalid");
        assertThat(response.body().path("errors").get(0).path("field").asString()).as(response.raw()).isEqualTo(field);
    }
}
