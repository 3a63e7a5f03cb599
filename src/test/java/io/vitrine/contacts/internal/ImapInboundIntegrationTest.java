package io.vitrine.contacts.internal;

import static io.vitrine.support.Socket.type;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMailUtil;
import io.vitrine.contacts.ContactsIntegrationTest;
import io.vitrine.support.Api;
import io.vitrine.support.Socket;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.mock.env.MockEnvironment;

/**
 * Replies read from a catch-all mailbox over IMAP (inbound=imap) take the same path as SMTP ones: the reply is routed
 * to the owner's thread live, and polling again stores nothing twice.
 */
class ImapInboundIntegrationTest extends ContactsIntegrationTest {

    @Autowired
    Inbox inbox;

    @Test
    void shouldTakeRepliesFromTheCatchAllMailboxOnce() throws Exception {
        Shop shop = shop("anna");
        Api anna = shop.online("anna");
        Joined joined = joinedContact(shop, anna, "imap@example.com");
        anna.post("/api/v1/contacts/" + joined.contactId() + "/messages", Map.of("text", "Hello by mail"));
        MimeMessage out = awaitMail("imap@example.com", 2).get(1);
        String replyTo = ((InternetAddress) out.getReplyTo()[0]).getAddress();

        // The reply domain's MX delivers everything to one catch-all mailbox.
        mail.setUser(replyTo, "catchall", "secret");
        MimeMessage reply = replyMessage(GreenMailUtil.getSession(mail.getSmtp().getServerSetup()), "imap@example.com",
                replyTo, out.getMessageID(), "Read over IMAP", false);
        GreenMailUtil.sendMimeMessage(reply);
        mail.waitForIncomingEmail(10_000, 3);

        MockEnvironment env = new MockEnvironment()
                .withProperty("vitrine.contacts.imap.host", "127.0.0.1")
                .withProperty("vitrine.contacts.imap.port", String.valueOf(IMAP_PORT))
                .withProperty("vitrine.contacts.imap.ssl", "false")
                .withProperty("vitrine.contacts.imap.username", "catchall")
                .withProperty("vitrine.contacts.imap.password", "secret");
        ContactsProperties properties = Binder.get(env).bindOrCreate("vitrine.contacts", ContactsProperties.class);
        ImapInbound imap = new ImapInbound(inbox, properties);

        try (Socket console = Socket.connect(anna)) {
            console.awaitType("welcome");
            assertThat(imap.poll()).isEqualTo(1);
            var in = console.await(f -> type("contactMessage").test(f)
                    && f.path("message").path("direction").asString().equals("IN"), Duration.ofSeconds(15));
            assertThat(in.path("message").path("text").asString()).isEqualTo("Read over IMAP");
        }
        assertThat(imap.poll()).isZero();
        String thread = anna.get("/api/v1/contacts/" + joined.contactId() + "/messages").raw();
        assertThat(thread.split("Read over IMAP", -1)).hasSize(2);
    }
}
