package io.vitrine.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.vitrine.support.Api;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

/** Emails leave through the outbox to a real SMTP server, with unsubscribe headers and calendar invitations. */
class EmailNotificationIntegrationTest extends NotificationsIntegrationTest {

    @Test
    void shouldKeepTheEmailPendingWhileTheMailServerIsDownAndSendItOnceWhenItIsUp() throws Exception {
        Shop shop = shop("anna");
        Recipient anna = staffRecipient(shop, "anna");
        notifications.notify(Notification.of("test.down", "Your appointment tomorrow", "See you at 10.", "/console",
                Channel.EMAIL), List.of(anna));

        eventually().until(() -> ((Number) outboxOf(anna.id()).getFirst().get("attempts")).intValue() >= 2);
        Map<String, Object> row = outboxOf(anna.id()).getFirst();
        assertThat(row.get("status")).isEqualTo("PENDING");
        assertThat((String) row.get("last_error")).contains("mail server");

        GreenMail smtp = smtpServer();
        try {
            eventually().until(() -> outboxOf(anna.id()).getFirst().get("status").equals("SENT"));
            assertThat(smtp.getReceivedMessagesForDomain(shop.slug() + ".test")).hasSize(1);
            MimeMessage mail = smtp.getReceivedMessagesForDomain(shop.slug() + ".test")[0];
            assertThat(mail.getSubject()).isEqualTo("Your appointment tomorrow");
            assertThat(GreenMailUtil.getBody(mail)).contains("See you at 10.");
        } finally {
            smtp.stop();
        }
    }

    @Test
    void shouldUnsubscribeByOneClickWithoutLoginAndThenSendNoMoreEmails() throws Exception {
        Shop shop = shop("anna");
        Recipient anna = staffRecipient(shop, "anna");
        GreenMail smtp = smtpServer();
        try {
            notifications.notify(Notification.of("test.first", "First", "Hello.", null, Channel.EMAIL), List.of(anna));
            MimeMessage mail = awaitMail(smtp, shop, 1)[0];

            String header = mail.getHeader("List-Unsubscribe")[0];
            assertThat(mail.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
            assertThat(header).startsWith("<https://vitrine.example.com/api/v1/notifications/unsubscribe/");
            String path = URI.create(header.substring(1, header.length() - 1)).getPath();
            List<String> parts = partTypesAndTexts(mail);
            assertThat(parts).anyMatch(p -> p.startsWith("text/html") && p.contains(path));
            assertThat(parts).anyMatch(p -> p.startsWith("text/plain") && p.contains(path));

            // A person (or a mail scanner) opening the link only gets asked.
            HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest
                    .newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<form", "Unsubscribe");
            Api annaApi = shop.staff("anna");
            assertThat(annaApi.get("/api/v1/notification-preferences").body().path("email").asBoolean()).isTrue();

            // What a mail client does for RFC 8058: a POST with no cookies and no CSRF token.
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest
                    .newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(annaApi.get("/api/v1/notification-preferences").body().path("email").asBoolean()).isFalse();

            notifications.notify(Notification.of("test.second", "Second", "Again.", null, Channel.EMAIL), List.of(anna));
            eventually().until(() -> outboxOf(anna.id()).getLast().get("status").equals("SKIPPED"));
            assertThat(smtp.getReceivedMessagesForDomain(shop.slug() + ".test")).hasSize(1);
            assertThat(annaApi.get("/api/v1/notices").body()).hasSize(2);
        } finally {
            smtp.stop();
        }
    }

    @Test
    void shouldRefuseAnUnknownUnsubscribeLink() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest
                .newBuilder(URI.create("http://localhost:" + port + "/api/v1/notifications/unsubscribe/not-a-token"))
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(404);
    }

    @Test
    void shouldAttachACalendarInvitationAndItsCancellation() throws Exception {
        Shop shop = shop("anna");
        Recipient anna = staffRecipient(shop, "anna");
        var event = new CalendarInvites.Event("consult-42@vitrine.example.com", 0, "Video consultation",
                "Sofa fabrics", "Online", ZonedDateTime.of(2027, 3, 28, 10, 0, 0, 0, ZoneId.of("Europe/Berlin")),
                ZonedDateTime.of(2027, 3, 28, 10, 30, 0, 0, ZoneId.of("Europe/Berlin")), "anna@vitrine.example.com",
                List.of("nora@example.com"));
        GreenMail smtp = smtpServer();
        try {
            notifications.notify(Notification.of("appointment.booked", "Booked", "Your consultation.", null,
                    Channel.EMAIL).withCalendar(CalendarInvites.request(event)), List.of(anna));
            Calendar booked = calendarOf(awaitMail(smtp, shop, 1)[0]);
            notifications.notify(Notification.of("appointment.cancelled", "Cancelled", "Called off.", null,
                    Channel.EMAIL).withCalendar(CalendarInvites.cancel(event.changed())), List.of(anna));
            Calendar cancelled = calendarOf(awaitMail(smtp, shop, 2)[1]);

            assertThat(method(booked)).isEqualTo("REQUEST");
            assertThat(method(cancelled)).isEqualTo("CANCEL");
            VEvent first = event(booked);
            VEvent second = event(cancelled);
            assertThat(value(first, Property.UID)).isEqualTo("consult-42@vitrine.example.com");
            assertThat(value(second, Property.UID)).isEqualTo(value(first, Property.UID));
            assertThat(Integer.parseInt(value(second, Property.SEQUENCE)))
                    .isGreaterThan(Integer.parseInt(value(first, Property.SEQUENCE)));
            assertThat(value(second, Property.STATUS)).isEqualTo("CANCELLED");
            assertThat(booked.getComponent(Component.VTIMEZONE)).isPresent();
            Property start = first.getProperty(Property.DTSTART).orElseThrow();
            Parameter zone = start.getParameter(Parameter.TZID).orElseThrow();
            assertThat(zone.getValue()).isEqualTo("Europe/Berlin");
        } finally {
            smtp.stop();
        }
    }

    private static MimeMessage[] awaitMail(GreenMail smtp, Shop shop, int count) {
        eventually().until(() -> smtp.getReceivedMessagesForDomain(shop.slug() + ".test").length >= count);
        return smtp.getReceivedMessagesForDomain(shop.slug() + ".test");
    }

    private static Calendar calendarOf(MimeMessage mail) throws Exception {
        String ics = findPart((Multipart) mail.getContent(), "text/calendar");
        assertThat(ics).as("calendar part").isNotNull();
        return new CalendarBuilder().build(new StringReader(ics));
    }

    private static String findPart(Multipart multipart, String type) throws Exception {
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.isMimeType(type)) {
                return new String(part.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
            if (part.getContent() instanceof Multipart nested) {
                String found = findPart(nested, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** "content type: text" of every leaf part. */
    private static List<String> partTypesAndTexts(MimeMessage mail) throws Exception {
        List<String> parts = new ArrayList<>();
        collect((Multipart) mail.getContent(), parts);
        return parts;
    }

    private static void collect(Multipart multipart, List<String> into) throws Exception {
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.getContent() instanceof Multipart nested) {
                collect(nested, into);
            } else {
                into.add(part.getContentType().toLowerCase() + ": " + part.getContent());
            }
        }
    }

    private static VEvent event(Calendar calendar) {
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        assertThat(events).hasSize(1);
        return events.getFirst();
    }

    private static String method(Calendar calendar) {
        return calendar.getProperty(Property.METHOD).orElseThrow().getValue();
    }

    private static String value(VEvent event, String property) {
        return event.getProperty(property).orElseThrow().getValue();
    }
}
