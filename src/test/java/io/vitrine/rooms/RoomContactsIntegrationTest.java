package io.vitrine.rooms;

import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.contacts.ContactsIntegrationTest;
import io.vitrine.support.Api;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A room announced to its expert's confirmed email contacts, as the expert's message through the contacts outbox:
 * each contact once, a move reaches them too, and a contact who unsubscribed gets nothing more.
 */
class RoomContactsIntegrationTest extends ContactsIntegrationTest {

    @Test
    void shouldAnnounceToTheExpertsConfirmedContactsAndNeverToOneWhoOptedOut() throws Exception {
        Shop shop = shop("anna");
        Api anna = shop.online("anna");
        var ann = joinedContact(shop, anna, "ann@contact.test");
        // The expert serves one live dialog at a time: the next customer meets her once it ends.
        assertThat(anna.post(ann.live().staffPath() + "/end", null).status()).isEqualTo(200);
        joinedContact(shop, anna, "bea@contact.test");
        JsonNode room = room(anna, "Collection review", 2);
        String link = room.path("link").asString();
        String path = "/api/v1/rooms/" + room.path("id").asString();

        var announced = anna.post(path + "/announce-contacts", Map.of());
        assertThat(announced.status()).as(announced.raw()).isEqualTo(200);
        assertThat(announced.body().path("sent").asInt()).isEqualTo(2);
        assertThat(announced.raw()).as("the expert never sees an address").doesNotContain("@contact.test");
        MimeMessage toBea = withText("bea@contact.test", link);
        withText("ann@contact.test", link);
        var again = anna.post(path + "/announce-contacts", Map.of()).body();
        assertThat(again.path("sent").asInt()).isZero();
        assertThat(again.path("skipped").asInt()).isEqualTo(2);

        // Bea unsubscribes (one click, RFC 8058): she hears of no move and of no later room.
        String header = toBea.getHeader("List-Unsubscribe")[0];
        assertThat(http("POST", header.substring(1, header.length() - 1)).statusCode()).isEqualTo(200);
        int beaHad = received("bea@contact.test").size();
        String later = java.time.Instant.parse(room.path("start").asString()).atZone(ZoneId.of("Europe/Berlin"))
                .plusDays(1).toLocalDateTime().toString();
        assertThat(anna.post(path + "/move", Map.of("start", later)).status()).isEqualTo(200);
        withText("ann@contact.test", "Moved: Collection review");
        JsonNode next = room(anna, "Next review", 3);
        var second = anna.post("/api/v1/rooms/" + next.path("id").asString() + "/announce-contacts", Map.of()).body();
        assertThat(second.path("sent").asInt()).as("only the contact still opted in").isEqualTo(1);
        withText("ann@contact.test", next.path("link").asString());
        outbox.sendDue();
        assertThat(received("bea@contact.test")).hasSize(beaHad);

        Api otherShop = shop("eve").staff("admin");
        assertThat(otherShop.post(path + "/announce-contacts", Map.of()).status()).isEqualTo(404);
    }

    private static JsonNode room(Api expert, String title, int days) {
        var created = expert.post("/api/v1/rooms", Map.of("title", title, "zone", "Europe/Berlin",
                "start", LocalDateTime.now(ZoneId.of("Europe/Berlin")).plusDays(days).truncatedTo(ChronoUnit.HOURS).toString()));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.body();
    }

    /** The first message to the address whose text has {@code text}, waiting for it. */
    private MimeMessage withText(String address, String text) {
        java.util.concurrent.atomic.AtomicReference<MimeMessage> found = new java.util.concurrent.atomic.AtomicReference<>();
        eventually().until(() -> {
            for (MimeMessage m : received(address)) {
                if (parts(m).stream().anyMatch(p -> p.contains(text))) {
                    found.set(m);
                    return true;
                }
            }
            return false;
        });
        return found.get();
    }
}
