package io.vitrine.contacts;

import static io.vitrine.support.Socket.type;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.vitrine.catalog.CatalogApi;
import io.vitrine.catalog.ImportFormat;
import io.vitrine.contacts.internal.ContactOutbox;
import io.vitrine.contacts.internal.SmtpInbound;
import io.vitrine.support.Api;
import io.vitrine.support.FreePorts;
import io.vitrine.support.IntegrationTest;
import io.vitrine.support.LiveStream;
import io.vitrine.support.Socket;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The platform with a real mail server on loopback (GreenMail: the shoppers' SMTP and IMAP server), Vitrine's own
 * SMTP listener for the reply domain on a free port, and an outbox that polls quickly.
 */
public abstract class ContactsIntegrationTest extends IntegrationTest {

    protected static final int SMTP_PORT = FreePorts.outsideEphemeralRange();
    protected static final int IMAP_PORT = FreePorts.outsideEphemeralRange();
    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+");

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected CatalogApi catalog;

    @Autowired
    protected ContactOutbox outbox;

    @Autowired(required = false)
    protected SmtpInbound listener;

    protected GreenMail mail;

    @DynamicPropertySource
    static void mailAndOutbox(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("spring.mail.properties.mail.smtp.connectiontimeout", () -> "2000");
        registry.add("spring.mail.properties.mail.smtp.timeout", () -> "5000");
        registry.add("vitrine.contacts.outbox.poll-interval", () -> "200ms");
        registry.add("vitrine.contacts.outbox.initial-backoff", () -> "200ms");
        registry.add("vitrine.contacts.outbox.max-backoff", () -> "1s");
        registry.add("vitrine.contacts.reminders.poll-interval", () -> "200ms");
    }

    @BeforeEach
    void startMailServer() {
        mail = new GreenMail(new ServerSetup[] {new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(IMAP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        mail.start();
    }

    @AfterEach
    void stopMailServer() {
        mail.stop();
    }

    protected static ConditionFactory eventually() {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100));
    }

    /** A confirmed contact of the expert: invited in a live dialog, joined by the Host, confirmed by email. */
    protected record Joined(LiveStream live, String contactId, String address) {}

    protected Joined joinedContact(Shop shop, Api expert, String address) throws Exception {
        LiveStream live = LiveStream.start(shop, expert, "Alex");
        try (Socket console = live.socket(expert); Socket widget = live.socket(live.host)) {
            console.send(Map.of("type", "inviteToContacts", "dialogId", live.id));
            JsonNode card = widget.await(type("contactInvite"));
            assertThat(strings(card.path("channels"))).containsExactly("EMAIL");
            var joined = live.host.post("/api/v1/widget/me/contact-invites/" + card.path("inviteId").asString(),
                    Map.of("channel", "EMAIL", "address", address, "consent", true));
            assertThat(joined.status()).as(joined.raw()).isEqualTo(201);
            MimeMessage confirmation = awaitMail(address, 1).getFirst();
            assertThat(confirmation.getSubject()).startsWith("Please confirm");
            String confirm = link(confirmation, "/api/v1/contacts/confirm/");
            assertThat(http("GET", confirm).body()).contains("Keep in touch with your expert?");
            assertThat(http("POST", confirm).body()).contains("you are now in touch");
            return new Joined(live, joined.body().path("contactId").asString(), address);
        }
    }

    protected UUID product(Shop shop, String title, String price) {
        String csv = "id,sku,title,description,url,image_urls,price,currency,available,stock,variant_sku,options\n"
                + "p-" + title.hashCode() + ",SKU-" + Math.abs(title.hashCode()) + ",\"" + title + "\",A product,"
                + "https://shop.example/p/" + Math.abs(title.hashCode()) + ",https://cdn.example/p.jpg," + price
                + ",EUR,true,3,,\n";
        catalog.importNow(shop.merchant().id(), new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                ImportFormat.CSV, "p.csv");
        return catalog.search(shop.merchant().id(), null, title, 0, 5).items().getFirst().id();
    }

    /** Waits until the address has received {@code count} mails; returns them, oldest first. */
    protected List<MimeMessage> awaitMail(String address, int count) {
        eventually().until(() -> received(address).size() >= count);
        return received(address);
    }

    protected List<MimeMessage> received(String address) {
        return Arrays.stream(mail.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(r -> ((InternetAddress) r).getAddress().equalsIgnoreCase(address));
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).toList();
    }

    protected static String link(MimeMessage message, String path) throws Exception {
        for (String part : parts(message)) {
            Matcher m = LINK.matcher(part);
            while (m.find()) {
                if (m.group().contains(path)) {
                    return m.group();
                }
            }
        }
        throw new AssertionError("No link to " + path + " in the mail");
    }

    /** The content type and text of each part, e.g. "text/plain; charset=UTF-8\n…". */
    protected static List<String> parts(MimeMessage message) throws Exception {
        List<String> out = new ArrayList<>();
        collect(message.getContent(), message.getContentType(), out);
        return out;
    }

    private static void collect(Object content, String type, List<String> out) throws Exception {
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                collect(part.getContent(), part.getContentType(), out);
            }
        } else {
            out.add(type + "\n" + content);
        }
    }

    /** The shopper replies from their mail client: through SMTP to Vitrine's listener for the reply domain. */
    protected void reply(String from, String to, String inReplyTo, String text, boolean withImage) throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", String.valueOf(listener.port()));
        Transport.send(replyMessage(Session.getInstance(props), from, to, inReplyTo, text, withImage));
    }

    protected static MimeMessage replyMessage(Session session, String from, String to, String inReplyTo, String text,
            boolean withImage) throws Exception {
        MimeMessage reply = new MimeMessage(session);
        reply.setFrom(new InternetAddress(from));
        reply.setRecipient(jakarta.mail.Message.RecipientType.TO, new InternetAddress(to));
        reply.setSubject("Re: your message");
        if (inReplyTo != null) {
            reply.setHeader("In-Reply-To", inReplyTo);
        }
        String body = text + "\n\nOn Mon, 30 Nov 2026 at 10:00, Anna <anna@reply.demo.test> wrote:\n> Earlier text\n";
        if (withImage) {
            MimeMultipart multipart = new MimeMultipart("mixed");
            MimeBodyPart textPart = new MimeBodyPart();
            textPart.setText(body, "UTF-8");
            MimeBodyPart image = new MimeBodyPart();
            image.setContent(new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3}, "image/png");
            image.setFileName("photo.png");
            image.setDisposition(jakarta.mail.Part.ATTACHMENT);
            multipart.addBodyPart(textPart);
            multipart.addBodyPart(image);
            reply.setContent(multipart);
        } else {
            reply.setText(body, "UTF-8");
        }
        return reply;
    }

    protected HttpResponse<String> http(String method, String url) throws Exception {
        String local = url.replaceFirst("^https?://[^/]+", "http://localhost:" + port);
        var builder = HttpRequest.newBuilder(URI.create(local));
        if (method.equals("POST")) {
            builder.header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"));
        }
        return HttpClient.newHttpClient().send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }
}
