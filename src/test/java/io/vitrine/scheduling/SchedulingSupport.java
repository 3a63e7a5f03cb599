package io.vitrine.scheduling;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.StringReader;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import io.vitrine.merchant.MerchantSettings;
import io.vitrine.notifications.NotificationsIntegrationTest;
import io.vitrine.support.Api;
import io.vitrine.support.LiveStream;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Shops with scheduled streams on, live dialogs whose Host gave an email address, and slot requests. */
public abstract class SchedulingSupport extends NotificationsIntegrationTest {

    public static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    public static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    /**
     * Appointments are made in dialogs that stay live for a while on a loaded machine: a console heartbeat that comes
     * late must not count the expert as gone (and hand the dialog back to the queue) halfway through a test.
     */
    @DynamicPropertySource
    static void patientPresence(DynamicPropertyRegistry registry) {
        registry.add("vitrine.presence.grace", () -> "60s");
    }

    /** A shop that asks for an email address, with scheduled streams switched on by its admin. */
    protected Shop schedulingShop(String... experts) {
        var settings = new MerchantSettings("#1f6feb", "bottom-right", "Live consultation", true, List.of("email"),
                null, 60, 3, true);
        Shop shop = shop(settings, experts);
        var on = shop.staff("admin").put("/api/v1/scheduling/settings", Map.of("enabled", true, "slotMinutes", 30));
        if (on.status() != 200) {
            throw new IllegalStateException("Switching scheduling on failed: " + on.raw());
        }
        return shop;
    }

    /** A live dialog of the expert with a Host who gave {@code <name>@customer.test}. */
    protected LiveStream liveDialog(Shop shop, Api expert, String hostName) {
        return LiveStream.start(shop, expert, hostWithEmail(shop, hostName));
    }

    protected Api hostWithEmail(Shop shop, String name) {
        Api anonymous = Api.anonymous(port);
        var created = anonymous.post("/api/v1/widget/" + shop.slug() + "/shoppers", Map.of("screenName", name,
                "email", name.toLowerCase().replace(' ', '.') + "@customer.test", "consent", true));
        if (created.status() != 201) {
            throw new IllegalStateException("Creating a shopper failed: " + created.raw());
        }
        return Api.withToken(port, created.body().path("token").asString());
    }

    /** A slot request for the given local time, days from today, in the zone. */
    protected static Map<String, Object> slot(int daysAhead, int hour, int minute, ZoneId zone) {
        ZonedDateTime at = ZonedDateTime.of(LocalDate.now(zone).plusDays(daysAhead), LocalTime.of(hour, minute), zone);
        return Map.of("date", at.toLocalDate().toString(), "time", at.toLocalTime().toString(), "zone", zone.getId());
    }

    /** Anna works every day 09:00–17:00 in Berlin. */
    protected Shop bookableShop() {
        Shop shop = schedulingShop("anna");
        var set = shop.staff("admin").put("/api/v1/scheduling/experts/" + shop.memberId("anna") + "/hours", hours());
        if (set.status() != 200) {
            throw new IllegalStateException("Setting working hours failed: " + set.raw());
        }
        return shop;
    }

    protected static Map<String, Object> hours() {
        return Map.of("zone", "Europe/Berlin", "hours", Arrays.stream(DayOfWeek.values())
                .map(day -> Map.of("day", day.name(), "from", "09:00", "to", "17:00")).toList());
    }

    protected static Map<String, Object> booking(String name, String email, Instant start) {
        return Map.of("name", name, "email", email, "expert", "anna", "start", start.toString(), "zone", "America/New_York");
    }

    /** The emails to addresses of the domain once there are {@code count}, oldest first. */
    protected static MimeMessage[] awaitMail(GreenMail smtp, String domain, int count) {
        eventually().until(() -> smtp.getReceivedMessagesForDomain(domain).length >= count);
        MimeMessage[] mails = smtp.getReceivedMessagesForDomain(domain);
        Arrays.sort(mails, (a, b) -> compareSent(a, b));
        return mails;
    }

    private static int compareSent(MimeMessage a, MimeMessage b) {
        try {
            return a.getSentDate().compareTo(b.getSentDate());
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    protected static Calendar calendarOf(MimeMessage mail) throws Exception {
        return new CalendarBuilder().build(new StringReader(findPart((Multipart) mail.getContent(), "text/calendar")));
    }

    private static String findPart(Multipart multipart, String type) throws Exception {
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.getContentType().startsWith(type)) {
                Object content = part.getContent();
                return content instanceof String text ? text : new String(((java.io.InputStream) content).readAllBytes(),
                        java.nio.charset.StandardCharsets.UTF_8);
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

    protected static String method(Calendar calendar) {
        return calendar.getProperty(Property.METHOD).orElseThrow().getValue();
    }

    protected static VEvent event(Calendar calendar) {
        return (VEvent) calendar.getComponent(Component.VEVENT).orElseThrow();
    }

    protected static String value(VEvent event, String property) {
        return event.getProperty(property).orElseThrow().getValue();
    }
}
