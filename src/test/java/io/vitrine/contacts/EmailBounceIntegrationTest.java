package io.vitrine.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.support.Api;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Email has no delivery or read receipts Vitrine could honestly rely on, but a bounce is one: the receiving side's
 * delivery status notification (RFC 3464) comes back to the proxy address the message left from, and turns the
 * message FAILED with the reported status. Nothing else changes an email's state after SENT.
 */
class EmailBounceIntegrationTest extends ContactsIntegrationTest {

    @Test
    void shouldFailAnEmailThatBouncedWithTheReportedReasonAndIgnoreOtherShopsBounces() throws Exception {
        Shop shop = shop("anna");
        Api anna = shop.online("anna");
        Joined contact = joinedContact(shop, anna, "gone@example.com");
        var sent = anna.post("/api/v1/contacts/" + contact.contactId() + "/messages", Map.of("text", "Still there?"));
        assertThat(sent.status()).isEqualTo(201);
        eventually().until(() -> state(anna, contact, "Still there?").equals("SENT"));
        MimeMessage out = awaitMail("gone@example.com", 2).get(1);
        String proxy = ((InternetAddress) out.getFrom()[0]).getAddress();
        assertThat(out.getHeader("Return-Path")[0]).as("the envelope sender, where bounces go").contains(proxy);

        // Another shop's proxy receives a bounce naming this message: it is not theirs, nothing changes.
        Shop other = shop("ben");
        Api ben = other.online("ben");
        Joined theirs = joinedContact(other, ben, "kim@example.com");
        MimeMessage theirMail = awaitMail("kim@example.com", 1).getFirst();
        String otherProxy = ((InternetAddress) theirMail.getFrom()[0]).getAddress();
        assertThat(theirs.contactId()).isNotEqualTo(contact.contactId());
        bounce(otherProxy, out.getMessageID(), "failed");
        // A report that it was delivered is no bounce either.
        bounce(proxy, out.getMessageID(), "delivered");
        assertThat(state(anna, contact, "Still there?")).isEqualTo("SENT");

        bounce(proxy, out.getMessageID(), "failed");
        eventually().until(() -> state(anna, contact, "Still there?").equals("FAILED"));
        JsonNode failed = message(anna, contact, "Still there?");
        assertThat(failed.path("failure").asString()).isEqualTo("bounced: 5.1.1 550 5.1.1 <gone@example.com>:"
                + " Recipient address rejected: User unknown");
        // The bounce is not a message of the thread.
        assertThat(anna.get("/api/v1/contacts/" + contact.contactId() + "/messages").body().size()).isEqualTo(2);
    }

    /** A delivery status notification as Postfix sends it, to the envelope sender of the original message. */
    private void bounce(String to, String originalMessageId, String action) throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", String.valueOf(listener.port()));
        Session session = Session.getInstance(props);
        MimeMessage report = new MimeMessage(session);
        report.setFrom(new InternetAddress("MAILER-DAEMON@mx.example.com", "Mail Delivery System"));
        report.setRecipient(jakarta.mail.Message.RecipientType.TO, new InternetAddress(to));
        report.setSubject("Undelivered Mail Returned to Sender");
        MimeMultipart multipart = new MimeMultipart("report; report-type=delivery-status");
        MimeBodyPart human = new MimeBodyPart();
        human.setText("I'm sorry to have to inform you that your message could not be delivered.", "UTF-8");
        MimeBodyPart status = new MimeBodyPart();
        status.setContent("Reporting-MTA: dns; mx.example.com\r\nArrival-Date: Mon, 30 Nov 2026 10:00:00 +0000\r\n\r\n"
                + "Final-Recipient: rfc822; gone@example.com\r\nOriginal-Recipient: rfc822;gone@example.com\r\n"
                + "Action: " + action + "\r\nStatus: 5.1.1\r\nRemote-MTA: dns; mx.example.com\r\n"
                + "Diagnostic-Code: smtp; 550 5.1.1 <gone@example.com>:\r\n Recipient address rejected: User unknown\r\n",
                "message/delivery-status");
        MimeBodyPart headers = new MimeBodyPart();
        headers.setContent("From: Anna <" + to + ">\r\nTo: gone@example.com\r\nSubject: A message\r\n"
                + "Message-ID: " + originalMessageId + "\r\n", "text/rfc822-headers");
        multipart.addBodyPart(human);
        multipart.addBodyPart(status);
        multipart.addBodyPart(headers);
        report.setContent(multipart);
        report.saveChanges();
        Transport.send(report);
    }

    private static JsonNode message(Api expert, Joined contact, String text) {
        for (JsonNode m : expert.get("/api/v1/contacts/" + contact.contactId() + "/messages").body()) {
            if (m.path("text").asString().equals(text)) {
                return m;
            }
        }
        throw new AssertionError("no message " + text);
    }

    private static String state(Api expert, Joined contact, String text) {
        return message(expert, contact, text).path("state").asString();
    }
}
