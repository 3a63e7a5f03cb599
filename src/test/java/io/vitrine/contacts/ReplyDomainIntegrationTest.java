package io.vitrine.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vitrine.contacts.internal.Inbox;
import io.vitrine.support.Api;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Each shop may have its own reply domain: new proxy addresses and Message-IDs take it, and inbound mail (the SMTP
 * listener, and IMAP through the same inbox) is routed by the domain to that shop's proxies only.
 */
class ReplyDomainIntegrationTest extends ContactsIntegrationTest {

    @Autowired
    Inbox inbox;

    @Test
    void shouldIssueProxiesOnEachShopsDomainAndRouteRepliesToTheRightShopOnly() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Shop north = shop("anna");
        Shop south = shop("anna");
        assertThat(setDomain(north.staff("admin"), "Reply.North-" + suffix + ".test").status()).isEqualTo(200);
        assertThat(setDomain(south.staff("admin"), "reply.south-" + suffix + ".test").status()).isEqualTo(200);
        JsonNode setting = north.staff("admin").get("/api/v1/contacts/reply-domain").body();
        assertThat(setting.path("replyDomain").asString()).isEqualTo("reply.north-" + suffix + ".test");
        assertThat(setting.path("defaultReplyDomain").asString()).isEqualTo("reply.demo.test");
        assertThat(setting.path("custom").asBoolean()).isTrue();

        Api northAnna = north.online("anna");
        Api southAnna = south.online("anna");
        Joined northContact = joinedContact(north, northAnna, "nora@example.com");
        Joined southContact = joinedContact(south, southAnna, "sid@example.com");
        MimeMessage toNora = written(northAnna, northContact, "Hello Nora");
        MimeMessage toSid = written(southAnna, southContact, "Hello Sid");

        String northProxy = ((InternetAddress) toNora.getFrom()[0]).getAddress();
        String southProxy = ((InternetAddress) toSid.getFrom()[0]).getAddress();
        assertThat(northProxy).endsWith("@reply.north-" + suffix + ".test");
        assertThat(southProxy).endsWith("@reply.south-" + suffix + ".test");
        assertThat(toNora.getMessageID()).endsWith("@reply.north-" + suffix + ".test>");
        String noraReplyTo = ((InternetAddress) toNora.getReplyTo()[0]).getAddress();
        String sidReplyTo = ((InternetAddress) toSid.getReplyTo()[0]).getAddress();

        // Each reply arrives in its own shop's thread.
        reply("nora@example.com", noraReplyTo, toNora.getMessageID(), "North reply", false);
        reply("sid@example.com", sidReplyTo, toSid.getMessageID(), "South reply", false);
        eventually().until(() -> texts(northAnna, northContact).contains("North reply"));
        eventually().until(() -> texts(southAnna, southContact).contains("South reply"));

        // The domain selects the shop: the north proxy (and its routing token) at the south domain is nobody.
        String northAtSouth = noraReplyTo.substring(0, noraReplyTo.indexOf('@')) + "@reply.south-" + suffix + ".test";
        assertThat(inbox.accepts(northAtSouth)).isFalse();
        // The SMTP listener refuses it in the dialogue; the IMAP poller asks the same inbox, which finds no proxy.
        assertThatThrownBy(() -> reply("nora@example.com", northAtSouth, null, "Wrong door", false))
                .isInstanceOf(SendFailedException.class);
        assertThat(texts(southAnna, southContact)).doesNotContain("Wrong door");
        assertThat(texts(northAnna, northContact)).doesNotContain("Wrong door");
        assertThat(southAnna.get("/api/v1/contacts").body().toString()).doesNotContain("Nora");
    }

    @Test
    void shouldRefuseWhatIsNoHostNameAnotherShopsDomainAndExperts() {
        Shop shop = shop("anna");
        Shop other = shop("ben");
        Api admin = shop.staff("admin");
        for (String wrong : List.of("https://reply.example.com", "reply.example.com:25", "mail@example.com",
                "localhost", "reply..example.com", "-reply.example.com", "reply.example.123", "reply example.com",
                "a".repeat(64) + ".example.com")) {
            var refused = setDomain(admin, wrong);
            assertThat(refused.status()).as(wrong).isEqualTo(400);
            assertThat(refused.raw()).as(wrong).contains("replyDomain").contains("host name like reply.example.com");
        }
        String domain = "reply.taken-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
        assertThat(setDomain(other.staff("admin"), domain).status()).isEqualTo(200);
        var taken = setDomain(admin, domain.toUpperCase());
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.body().path("code").asString()).isEqualTo("reply_domain_taken");
        assertThat(setDomain(shop.staff("anna"), "reply.mine.test").status()).isEqualTo(403);
        assertThat(shop.staff("anna").get("/api/v1/contacts/reply-domain").status()).isEqualTo(403);

        JsonNode docs = Api.anonymous(port).get("/v3/api-docs").body();
        assertThat(docs.path("paths").path("/api/v1/contacts/reply-domain").has("put")).isTrue();

        // Blank goes back to the configured domain.
        assertThat(setDomain(admin, "reply.own-" + UUID.randomUUID().toString().substring(0, 8) + ".test").status())
                .isEqualTo(200);
        JsonNode reset = setDomain(admin, "").body();
        assertThat(reset.path("replyDomain").asString()).isEqualTo("reply.demo.test");
        assertThat(reset.path("custom").asBoolean()).isFalse();
    }

    private static Api.Response setDomain(Api admin, String domain) {
        return admin.put("/api/v1/contacts/reply-domain", Map.of("replyDomain", domain));
    }

    private MimeMessage written(Api expert, Joined contact, String text) {
        var sent = expert.post("/api/v1/contacts/" + contact.contactId() + "/messages", Map.of("text", text));
        assertThat(sent.status()).as(sent.raw()).isEqualTo(201);
        return awaitMail(contact.address(), 2).get(1);
    }

    private static List<String> texts(Api expert, Joined contact) {
        List<String> texts = new java.util.ArrayList<>();
        expert.get("/api/v1/contacts/" + contact.contactId() + "/messages").body()
                .forEach(m -> texts.add(m.path("text").asString()));
        return texts;
    }
}
