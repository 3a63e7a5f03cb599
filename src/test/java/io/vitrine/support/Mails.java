package io.vitrine.support;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import org.awaitility.Awaitility;

/** Emails received by a GreenMail server: the first one to an address, and its calendar invitation parsed back. */
public final class Mails {

    private Mails() {}

    /** Waits (up to a minute, for a loaded machine) for the first email to the address. */
    public static MimeMessage awaitMailTo(GreenMail smtp, String address) throws MessagingException {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> firstTo(smtp, address) != null);
        return firstTo(smtp, address);
    }

    /** Waits for the first email to {@code address} whose subject starts with {@code subjectStart}. */
    public static MimeMessage awaitMailTo(GreenMail smtp, String address, String subjectStart) throws MessagingException {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> firstTo(smtp, address, subjectStart) != null);
        return firstTo(smtp, address, subjectStart);
    }

    /** The invitation attached to the email (its text/calendar part), parsed with ical4j. */
    public static Calendar calendarOf(MimeMessage mail) throws Exception {
        String text = calendarPart((Multipart) mail.getContent());
        if (text == null) {
            throw new AssertionError("The email '" + mail.getSubject() + "' has no calendar invitation.");
        }
        return new CalendarBuilder().build(new StringReader(text));
    }

    private static MimeMessage firstTo(GreenMail smtp, String address) throws MessagingException {
        return firstTo(smtp, address, "");
    }

    private static MimeMessage firstTo(GreenMail smtp, String address, String subjectStart) throws MessagingException {
        for (MimeMessage mail : smtp.getReceivedMessages()) {
            if (Arrays.stream(mail.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().contains(address))
                    && String.valueOf(mail.getSubject()).startsWith(subjectStart)) {
                return mail;
            }
        }
        return null;
    }

    private static String calendarPart(Multipart multipart) throws Exception {
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.getContentType().startsWith("text/calendar")) {
                Object content = part.getContent();
                return content instanceof String text ? text
                        : new String(((InputStream) content).readAllBytes(), StandardCharsets.UTF_8);
            }
            if (part.getContent() instanceof Multipart nested) {
                String found = calendarPart(nested);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
