package io.vitrine.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.support.Api;
import io.vitrine.support.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * No staff-facing response contains a contact's address: every GET endpoint of the OpenAPI document is called as
 * the expert and as an admin with a contact present (path variables filled with that contact's, dialog's and
 * member's ids), and every frame the expert's console received along the way is checked too.
 */
class ContactAddressPrivacyIntegrationTest extends ContactsIntegrationTest {

    private static final String ADDRESS = "Privacy.Check@Example.org";

    @Test
    void shouldNeverShowTheContactsAddressToStaff() throws Exception {
        Shop shop = shop("anna");
        Api anna = shop.online("anna");
        Api admin = shop.staff("admin");
        try (Socket console = Socket.connect(anna)) {
            console.awaitType("welcome");
            Joined joined = joinedContact(shop, anna, ADDRESS);
            anna.post("/api/v1/contacts/" + joined.contactId() + "/messages", Map.of("text", "Hello"));
            String replyTo = ((jakarta.mail.internet.InternetAddress) awaitMail(ADDRESS, 2).get(1).getReplyTo()[0])
                    .getAddress();
            reply(ADDRESS, replyTo, null, "My address is in the quote below", false);
            eventually().until(() -> anna.get("/api/v1/contacts/" + joined.contactId() + "/messages").raw()
                    .contains("My address is"));

            Map<String, String> ids = Map.of("contact", joined.contactId(), "dialog", joined.live().id,
                    "member", shop.memberId("anna").toString());
            List<String> checked = new ArrayList<>();
            JsonNode paths = admin.get("/v3/api-docs").body().path("paths");
            for (String path : paths.propertyNames()) {
                if (!paths.path(path).has("get") || path.startsWith("/api/v1/widget") || path.contains("/confirm/")
                        || path.contains("/unsubscribe/") || path.contains("/attachments/")) {
                    continue;
                }
                String url = fill(path, ids);
                for (Api staff : List.of(anna, admin)) {
                    Api.Response response = staff.get(url);
                    assertThat(leaks(response.raw())).as("GET %s answered %s", url, response.raw()).isFalse();
                }
                checked.add(url);
            }
            assertThat(checked).contains("/api/v1/contacts", "/api/v1/contacts/" + joined.contactId() + "/messages",
                    "/api/v1/dialogs/" + joined.live().id);
            List<JsonNode> frames = console.received(f -> true);
            assertThat(frames).anyMatch(f -> f.path("type").asString().equals("contactMessage"));
            assertThat(frames).noneMatch(f -> leaks(f.toString()));
        }
    }

    private static boolean leaks(String text) {
        String lower = text == null ? "" : text.toLowerCase(Locale.ROOT);
        return lower.contains(ADDRESS.toLowerCase(Locale.ROOT)) || lower.contains("privacy.check");
    }

    /** Path variables by name: contact, dialog or member ids; anything else gets a random id (a 404 is checked too). */
    private static String fill(String path, Map<String, String> ids) {
        StringBuilder out = new StringBuilder();
        for (String segment : path.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            String value = segment;
            if (segment.startsWith("{")) {
                String name = segment.toLowerCase(Locale.ROOT);
                value = name.contains("contact") ? ids.get("contact") : name.contains("dialog") ? ids.get("dialog")
                        : name.contains("member") ? ids.get("member")
                        : path.startsWith("/api/v1/contacts") ? ids.get("contact")
                        : path.startsWith("/api/v1/dialogs") ? ids.get("dialog") : UUID.randomUUID().toString();
            }
            out.append('/').append(value);
        }
        return out.toString();
    }
}
