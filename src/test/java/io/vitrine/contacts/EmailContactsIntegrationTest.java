package io.vitrine.contacts;

import static io.vitrine.support.Socket.type;
import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.support.Api;
import io.vitrine.support.LiveStream;
import io.vitrine.support.Socket;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Contacts over email end to end, against a real mail server: invite in a live dialog → double opt-in → a product
 * card out through the outbox → the shopper's reply in by SMTP → live in the expert's thread → one-click
 * unsubscribe → nothing more is sent.
 */
class EmailContactsIntegrationTest extends ContactsIntegrationTest {

    @Test
    void shouldKeepInTouchByEmailFromTheInviteToTheUnsubscribe() throws Exception {
        Shop shop = shop("anna");
        Api anna = shop.online("anna");
        UUID shirt = product(shop, "Linen shirt", "49.90");
        Joined joined = joinedContact(shop, anna, "alex@example.com");

        JsonNode contact = anna.get("/api/v1/contacts").body().get(0);
        assertThat(contact.path("state").asString()).isEqualTo("CONFIRMED");
        assertThat(contact.path("channel").asString()).isEqualTo("EMAIL");
        assertThat(contact.path("screenName").asString()).isEqualTo("Alex");

        try (Socket console = Socket.connect(anna)) {
            console.awaitType("welcome");
            var sent = anna.post("/api/v1/contacts/" + joined.contactId() + "/messages",
                    Map.of("text", "Hello Alex,\nthe shirt is back in blue.", "productIds", List.of(shirt)));
            assertThat(sent.status()).as(sent.raw()).isEqualTo(201);
            assertThat(sent.body().path("state").asString()).isEqualTo("QUEUED");
            console.await(f -> type("contactMessage").test(f)
                    && f.path("message").path("state").asString().equals("SENT"), java.time.Duration.ofSeconds(30));

            MimeMessage out = awaitMail("alex@example.com", 2).get(1);
            String proxy = ((InternetAddress) out.getFrom()[0]).getAddress();
            String replyTo = ((InternetAddress) out.getReplyTo()[0]).getAddress();
            assertThat(proxy).matches("anna\\.expert\\.[a-z0-9]{5}@reply\\.demo\\.test");
            assertThat(replyTo).startsWith(proxy.substring(0, proxy.indexOf('@')) + "+").endsWith("@reply.demo.test");
            assertThat(out.getMessageID()).endsWith("@reply.demo.test>");
            assertThat(out.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
            List<String> parts = parts(out);
            assertThat(parts).anyMatch(p -> p.startsWith("text/plain") && p.contains("the shirt is back in blue")
                    && p.contains("Linen shirt") && p.contains("€49.90"));
            assertThat(parts).anyMatch(p -> p.startsWith("text/html") && p.contains("Linen shirt")
                    && p.contains("https://cdn.example/p.jpg") && p.contains("utm_source=vitrine"));

            reply("alex@example.com", replyTo, out.getMessageID(), "Yes please, in M.\n\n-- \nAlex", true);
            JsonNode in = console.await(f -> type("contactMessage").test(f)
                    && f.path("message").path("direction").asString().equals("IN"), java.time.Duration.ofSeconds(15));
            assertThat(in.path("message").path("text").asString()).isEqualTo("Yes please, in M.");
            assertThat(in.path("message").path("attachments").get(0).path("fileName").asString()).isEqualTo("photo.png");
        }

        JsonNode thread = anna.get("/api/v1/contacts/" + joined.contactId() + "/messages").body();
        assertThat(texts(list(thread), "kind")).containsExactly("CONFIRMATION", "MESSAGE", "REPLY");
        assertThat(anna.get("/api/v1/contacts").body().get(0).path("unread").asInt()).isZero();
        String attachment = thread.get(2).path("attachments").get(0).path("id").asString();
        var image = anna.get("/api/v1/contacts/" + joined.contactId() + "/attachments/" + attachment);
        assertThat(image.status()).isEqualTo(200);

        // One-click unsubscribe as the mail client does it (RFC 8058): a POST to the List-Unsubscribe URL, no login.
        MimeMessage last = received("alex@example.com").get(1);
        String header = last.getHeader("List-Unsubscribe")[0];
        String unsubscribe = header.substring(1, header.length() - 1);
        assertThat(http("GET", unsubscribe).body()).contains("Stop receiving messages");
        assertThat(anna.get("/api/v1/contacts").body().get(0).path("state").asString()).isEqualTo("CONFIRMED");
        assertThat(http("POST", unsubscribe).statusCode()).isEqualTo(200);
        assertThat(anna.get("/api/v1/contacts").body().get(0).path("state").asString()).isEqualTo("OPTED_OUT");

        var refused = anna.post("/api/v1/contacts/" + joined.contactId() + "/messages", Map.of("text", "Still there?"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().path("code").asString()).isEqualTo("opted_out");
        outbox.sendDue();
        assertThat(received("alex@example.com")).hasSize(2);
        assertThat(http("POST", unsubscribe.replaceAll(".$", "x")).statusCode()).isEqualTo(404);
    }

    @Test
    void shouldSendToSeveralContactsAtOnceEachThreadInOrderWithItsReferences() throws Exception {
        Shop shop = shop("anna");
        Api anna = shop.online("anna");
        List<Joined> joined = List.of(joinedContact(shop, anna, "kim@example.com"),
                joinedContact(shop, anna, "lou@example.com"), joinedContact(shop, anna, "max@example.com"));
        int each = 12;
        for (int i = 0; i < each; i++) {
            for (Joined contact : joined) {
                var queued = anna.post("/api/v1/contacts/" + contact.contactId() + "/messages",
                        Map.of("text", "Number " + i + " for " + contact.address()));
                assertThat(queued.status()).isEqualTo(201);
            }
        }
        for (Joined contact : joined) {
            List<MimeMessage> mails = awaitMail(contact.address(), 1 + each);
            assertThat(mails).hasSize(1 + each);
            for (int i = 0; i < each; i++) {
                MimeMessage mail = mails.get(1 + i);
                assertThat(String.join("\n", parts(mail))).as(contact.address() + " in order")
                        .contains("Number " + i + " for " + contact.address());
                if (i > 0) {
                    assertThat(mail.getHeader("References", " ")).as("refers to the one before")
                            .contains(mails.get(i).getMessageID());
                }
            }
        }
    }

    @Test
    void shouldRefuseBadJoinsWithProblemDetails() throws Exception {
        Shop shop = shop("anna");
        Api anna = shop.online("anna");
        LiveStream live = LiveStream.start(shop, anna, "Alex");
        try (Socket console = live.socket(anna); Socket widget = live.socket(live.host)) {
            widget.send(Map.of("type", "inviteToContacts", "dialogId", live.id));
            assertThat(widget.awaitType("error").path("code").asString()).isEqualTo("forbidden");

            console.send(Map.of("type", "inviteToContacts", "dialogId", live.id));
            String invite = widget.await(type("contactInvite")).path("inviteId").asString();
            String path = "/api/v1/widget/me/contact-invites/" + invite;

            var noConsent = live.host.post(path, Map.of("channel", "EMAIL", "address", "alex@example.com", "consent", false));
            assertThat(noConsent.status()).isEqualTo(400);
            assertThat(noConsent.raw()).contains("consent");
            var badAddress = live.host.post(path, Map.of("channel", "EMAIL", "address", "not an address", "consent", true));
            assertThat(badAddress.status()).isEqualTo(400);
            assertThat(badAddress.raw()).contains("address");
            var sms = live.host.post(path, Map.of("channel", "SMS", "address", "+4915112345678", "consent", true));
            assertThat(sms.status()).isEqualTo(400);
            assertThat(sms.raw()).contains("channel");
            var noChannel = live.host.post(path, Map.of("address", "alex@example.com", "consent", true));
            assertThat(noChannel.status()).isEqualTo(400);

            // Another shopper (not the dialog's Host) cannot use the card.
            Api other = shop.shopper("Eve");
            var stranger = other.post(path, Map.of("channel", "EMAIL", "address", "eve@example.com", "consent", true));
            assertThat(stranger.status()).isIn(403, 404);
            // Another merchant's expert sees nothing of these contacts.
            Shop elsewhere = shop("zoe");
            Api zoe = elsewhere.online("zoe");
            var joined = live.host.post(path, Map.of("channel", "EMAIL", "address", "alex@example.com", "consent", true));
            assertThat(joined.status()).isEqualTo(201);
            String contactId = joined.body().path("contactId").asString();
            assertThat(zoe.get("/api/v1/contacts/" + contactId).status()).isEqualTo(404);
            assertThat(zoe.get("/api/v1/contacts").body().size()).isZero();
            var early = anna.post("/api/v1/contacts/" + contactId + "/messages", Map.of("text", "Hi"));
            assertThat(early.status()).isEqualTo(409);
            assertThat(early.body().path("code").asString()).isEqualTo("not_confirmed");
            assertThat(anna.post("/api/v1/contacts/" + contactId + "/messages", Map.of("text", " ")).status()).isEqualTo(400);
        }
    }

    @Test
    void shouldLetAShopperJoinThroughTheInviteLinkOnTheirOwnPhone() throws Exception {
        Shop shop = shop("anna");
        Api anna = shop.online("anna");
        var link = anna.post("/api/v1/contacts/invites", null);
        assertThat(link.status()).isEqualTo(201);
        String url = link.body().path("url").asString();
        String token = url.substring(url.lastIndexOf('/') + 1);
        assertThat(http("GET", url).body()).contains("Keep in touch with Anna Expert");

        Api phone = Api.anonymous(port);
        var preview = phone.get("/api/v1/widget/contact-invites/" + token);
        assertThat(preview.body().path("expert").asString()).isEqualTo("Anna Expert");
        var joined = phone.post("/api/v1/widget/contact-invites/" + token,
                Map.of("screenName", "Sam", "channel", "EMAIL", "address", "sam@example.com", "consent", true));
        assertThat(joined.status()).as(joined.raw()).isEqualTo(201);
        awaitMail("sam@example.com", 1);
        var again = phone.post("/api/v1/widget/contact-invites/" + token,
                Map.of("screenName", "Sam", "channel", "EMAIL", "address", "sam2@example.com", "consent", true));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().path("code").asString()).isEqualTo("invite_used");
        assertThat(anna.get("/api/v1/contacts?q=sa").body().get(0).path("state").asString()).isEqualTo("PENDING");
    }

    @Test
    void shouldKeepAShopperWithOneExpertPerTeamAndRouteRepliesToTheNewOwnerAfterATransfer() throws Exception {
        Shop shop = shop("anna", "ben");
        Api anna = shop.online("anna");
        Api ben = shop.online("ben");
        Joined joined = joinedContact(shop, anna, "kim@example.com");

        // The same shopper cannot also join Ben's contacts in the same team.
        var link = ben.post("/api/v1/contacts/invites", null).body().path("url").asString();
        var taken = Api.anonymous(port).post("/api/v1/widget/contact-invites/" + link.substring(link.lastIndexOf('/') + 1),
                Map.of("screenName", "Kim", "channel", "EMAIL", "address", "kim@example.com", "consent", true));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.body().path("code").asString()).isEqualTo("already_a_contact");

        anna.post("/api/v1/contacts/" + joined.contactId() + "/messages", Map.of("text", "See you soon"));
        MimeMessage fromAnna = awaitMail("kim@example.com", 2).get(1);
        String oldReplyTo = ((InternetAddress) fromAnna.getReplyTo()[0]).getAddress();

        Api admin = shop.staff("admin");
        assertThat(anna.post("/api/v1/contacts/transfers", Map.of("fromMemberId", shop.memberId("anna"),
                "toMemberId", shop.memberId("ben"))).status()).isEqualTo(403);
        var moved = admin.post("/api/v1/contacts/transfers", Map.of("fromMemberId", shop.memberId("anna"),
                "toMemberId", shop.memberId("ben")));
        assertThat(moved.body().path("moved").asInt()).isEqualTo(1);
        assertThat(anna.get("/api/v1/contacts").body().size()).isZero();

        try (Socket console = Socket.connect(ben)) {
            console.awaitType("welcome");
            reply("kim@example.com", oldReplyTo, fromAnna.getMessageID(), "Thanks!", false);
            JsonNode in = console.await(f -> type("contactMessage").test(f), java.time.Duration.ofSeconds(15));
            assertThat(in.path("message").path("text").asString()).isEqualTo("Thanks!");
        }
        assertThat(ben.post("/api/v1/contacts/" + joined.contactId() + "/messages", Map.of("text", "Ben here"))
                .status()).isEqualTo(201);
        MimeMessage fromBen = awaitMail("kim@example.com", 3).get(2);
        assertThat(((InternetAddress) fromBen.getFrom()[0]).getAddress()).startsWith("ben.expert.");
        // A forged reply (right token, wrong sender) is not stored.
        reply("mallory@example.com", oldReplyTo, null, "Click here", false);
        reply("kim@example.com", oldReplyTo, null, "Second reply", false);
        eventually().until(() -> ben.get("/api/v1/contacts/" + joined.contactId() + "/messages").raw().contains("Second reply"));
        assertThat(ben.get("/api/v1/contacts/" + joined.contactId() + "/messages").raw()).doesNotContain("Click here");
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new java.util.ArrayList<>();
        array.forEach(out::add);
        return out;
    }
}
