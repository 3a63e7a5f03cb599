package io.vitrine.contacts.internal;

import io.vitrine.shared.DomainException;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Demo mode: reads a mail of the demo mailbox (text, links) and sends the shopper's reply by SMTP to the embedded
 * listener, quoting the original as mail clients do, so the inbound path strips it as it would a real reply.
 */
@Component
public class DemoReplies {

    public record Content(String from, String replyTo, String subject, String text, List<String> links) {}

    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+");

    private final DemoMailbox mailbox;
    private final ObjectProvider<SmtpInbound> smtp;

    DemoReplies(DemoMailbox mailbox, ObjectProvider<SmtpInbound> smtp) {
        this.mailbox = mailbox;
        this.smtp = smtp;
    }

    public Content read(UUID id) {
        MimeMessage mime = mime(id);
        try {
            InboundMail mail = InboundMail.parse(mime);
            String replyTo = mime.getReplyTo() == null || mime.getReplyTo().length == 0 ? mail.from()
                    : ((InternetAddress) mime.getReplyTo()[0]).getAddress();
            String from = mime.getFrom() == null ? "" : mime.getFrom()[0].toString();
            List<String> links = LINK.matcher(mail.text()).results().map(m -> m.group()).distinct().toList();
            return new Content(from, replyTo, mail.subject(), mail.text(), links);
        } catch (MessagingException | IOException e) {
            throw DomainException.invalid("This email cannot be read: " + e.getMessage());
        }
    }

    public void reply(UUID id, String text) {
        SmtpInbound listener = smtp.getIfAvailable();
        if (listener == null || listener.port() <= 0) {
            throw DomainException.conflict("no_listener", "The demo mail server is not running (vitrine.contacts.inbound=smtp).");
        }
        DemoMailbox.Mail mail = mailbox.find(id).orElseThrow(() -> DomainException.notFound("The email"));
        Content original = read(id);
        MimeMessage source = mime(id);
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(listener.host());
        sender.setPort(listener.port());
        try {
            MimeMessage reply = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(reply, false, "UTF-8");
            helper.setFrom(mail.recipient());
            helper.setTo(original.replyTo());
            String subject = original.subject() == null ? "" : original.subject();
            helper.setSubject(subject.toLowerCase(Locale.ROOT).startsWith("re:") ? subject : "Re: " + subject);
            String when = DateTimeFormatter.ofPattern("EEE, d MMM yyyy 'at' HH:mm", Locale.ENGLISH)
                    .format(mail.receivedAt().atOffset(ZoneOffset.UTC));
            helper.setText(text.strip() + "\n\nOn " + when + ", " + original.from() + " wrote:\n" + quoted(original.text()));
            String messageId = source.getMessageID();
            if (messageId != null) {
                reply.setHeader("In-Reply-To", messageId);
                reply.setHeader("References", messageId);
            }
            sender.send(reply);
        } catch (MessagingException e) {
            throw DomainException.invalid("The reply could not be written: " + e.getMessage());
        }
    }

    private static String quoted(String text) {
        Matcher lines = Pattern.compile("(?m)^").matcher(text.strip());
        return lines.replaceAll("> ");
    }

    private MimeMessage mime(UUID id) {
        byte[] raw = mailbox.raw(id).orElseThrow(() -> DomainException.notFound("The email"));
        try {
            return new MimeMessage(jakarta.mail.Session.getInstance(new java.util.Properties()),
                    new java.io.ByteArrayInputStream(raw));
        } catch (MessagingException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
