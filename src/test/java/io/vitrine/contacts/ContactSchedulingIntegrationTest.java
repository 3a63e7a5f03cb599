package io.vitrine.contacts;

import static io.vitrine.support.Socket.type;
import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.contacts.internal.Reminders;
import io.vitrine.support.Api;
import io.vitrine.support.MovableClock;
import io.vitrine.support.Socket;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * Work that waits for a time, driven by an injected clock the test moves forward: send later, follow-ups cancelled
 * by a reply, reminders, and the away auto-response once per away period.
 */
@Import(MovableClock.Configuration.class)
class ContactSchedulingIntegrationTest extends ContactsIntegrationTest {

    @Autowired
    MovableClock clock;

    @Autowired
    Reminders reminders;

    private void advance(Duration by) {
        clock.moveBy(by);
    }

    @Test
    void shouldSendALaterMessageOnlyWhenItsTimeComes() throws Exception {
        Shop shop = shop("anna");
        Api anna = shop.online("anna");
        Joined joined = joinedContact(shop, anna, "later@example.com");
        var later = anna.post("/api/v1/contacts/" + joined.contactId() + "/messages",
                Map.of("text", "Good morning!", "sendAt", clock.instant().plus(Duration.ofHours(10)).toString()));
        assertThat(later.status()).isEqualTo(201);
        outbox.sendDue();
        assertThat(received("later@example.com")).hasSize(1);

        advance(Duration.ofHours(10).plusMinutes(1));
        MimeMessage sent = awaitMail("later@example.com", 2).get(1);
        assertThat(parts(sent)).anyMatch(p -> p.contains("Good morning!"));
    }

    @Test
    void shouldCancelAFollowUpWhenTheContactRepliesFirst() throws Exception {
        Shop shop = shop("anna");
        Api anna = shop.online("anna");
        Joined joined = joinedContact(shop, anna, "follow@example.com");
        anna.post("/api/v1/contacts/" + joined.contactId() + "/messages", Map.of("text", "Did the shirt fit?"));
        MimeMessage first = awaitMail("follow@example.com", 2).get(1);
        var followUp = anna.post("/api/v1/contacts/" + joined.contactId() + "/messages", Map.of("text",
                "Just checking in", "sendAt", clock.instant().plus(Duration.ofDays(2)).toString(), "followUp", true));
        assertThat(followUp.status()).isEqualTo(201);
        var noTime = anna.post("/api/v1/contacts/" + joined.contactId() + "/messages", Map.of("text", "x", "followUp", true));
        assertThat(noTime.status()).isEqualTo(400);

        try (Socket console = Socket.connect(anna)) {
            console.awaitType("welcome");
            reply("follow@example.com", ((InternetAddress) first.getReplyTo()[0]).getAddress(), first.getMessageID(),
                    "It fits, thanks", false);
            var cancelled = console.await(f -> type("contactMessage").test(f)
                    && f.path("message").path("state").asString().equals("CANCELLED"), Duration.ofSeconds(15));
            assertThat(cancelled.path("message").path("id").asString()).isEqualTo(followUp.body().path("id").asString());
        }
        advance(Duration.ofDays(3));
        outbox.sendDue();
        assertThat(received("follow@example.com")).hasSize(2);
    }

    @Test
    void shouldRemindTheExpertWhenTheReminderIsDue() throws Exception {
        Shop shop = shop("anna");
        Api anna = shop.online("anna");
        Joined joined = joinedContact(shop, anna, "remind@example.com");
        var past = anna.post("/api/v1/contacts/" + joined.contactId() + "/reminders",
                Map.of("dueAt", clock.instant().minusSeconds(60).toString(), "note", "x"));
        assertThat(past.status()).isEqualTo(400);
        var set = anna.post("/api/v1/contacts/" + joined.contactId() + "/reminders",
                Map.of("dueAt", clock.instant().plus(Duration.ofDays(1)).toString(), "note", "Blue is back in stock"));
        assertThat(set.status()).isEqualTo(201);
        assertThat(anna.get("/api/v1/contacts/reminders").body().size()).isEqualTo(1);

        try (Socket console = Socket.connect(anna)) {
            console.awaitType("welcome");
            advance(Duration.ofDays(1).plusMinutes(1));
            var due = console.await(type("contactReminder"), Duration.ofSeconds(15));
            assertThat(due.path("note").asString()).isEqualTo("Blue is back in stock");
            assertThat(due.path("screenName").asString()).isEqualTo("Alex");
        }
        assertThat(anna.get("/api/v1/notices").raw()).contains("Reminder: Alex", "Blue is back in stock");
        assertThat(reminders.fireDue()).isZero();
        assertThat(anna.get("/api/v1/contacts/reminders").body().size()).isZero();
    }

    @Test
    void shouldAnswerOncePerAwayPeriodWithWhenToExpectAnAnswer() throws Exception {
        Shop shop = shop("anna");
        Api anna = shop.online("anna");
        Joined joined = joinedContact(shop, anna, "away@example.com");
        anna.post("/api/v1/contacts/" + joined.contactId() + "/messages", Map.of("text", "Hi"));
        MimeMessage first = awaitMail("away@example.com", 2).get(1);
        String replyTo = ((InternetAddress) first.getReplyTo()[0]).getAddress();

        Instant back = clock.instant().plus(Duration.ofDays(7));
        var away = anna.put("/api/v1/contacts/away", Map.of("message", "I am on holiday.", "backAt", back.toString()));
        assertThat(away.status()).isEqualTo(200);
        reply("away@example.com", replyTo, first.getMessageID(), "Are you there?", false);
        MimeMessage auto = awaitMail("away@example.com", 3).get(2);
        assertThat(parts(auto)).anyMatch(p -> p.contains("I am on holiday.") && p.contains("I am back on"));

        reply("away@example.com", replyTo, null, "Hello again?", false);
        eventually().until(() -> anna.get("/api/v1/contacts/" + joined.contactId() + "/messages").raw().contains("Hello again?"));
        outbox.sendDue();
        assertThat(received("away@example.com")).hasSize(3);

        // A new away period answers again.
        assertThat(anna.exchange("DELETE", "/api/v1/contacts/away", null).status()).isEqualTo(204);
        advance(Duration.ofMinutes(1));
        anna.put("/api/v1/contacts/away", Map.of("message", "Out today."));
        reply("away@example.com", replyTo, null, "And now?", false);
        MimeMessage again = awaitMail("away@example.com", 4).get(3);
        assertThat(parts(again)).anyMatch(p -> p.contains("Out today."));
        List<String> kinds = texts(list(anna.get("/api/v1/contacts/" + joined.contactId() + "/messages").body()), "kind");
        assertThat(kinds.stream().filter("AUTO_REPLY"::equals)).hasSize(2);
    }

    private static List<tools.jackson.databind.JsonNode> list(tools.jackson.databind.JsonNode array) {
        List<tools.jackson.databind.JsonNode> out = new java.util.ArrayList<>();
        array.forEach(out::add);
        return out;
    }
}
