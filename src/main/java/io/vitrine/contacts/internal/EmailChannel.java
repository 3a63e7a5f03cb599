package io.vitrine.contacts.internal;

import io.vitrine.contacts.ChannelAdapter;
import io.vitrine.contacts.ContactChannel;
import io.vitrine.contacts.OutboundMessage;
import io.vitrine.contacts.SendResult;
import io.vitrine.shared.DomainException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Date;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * The EMAIL channel: SMTP from the expert's proxy address, with threading headers (Message-ID, In-Reply-To,
 * References), a text and an HTML part, product cards, and one-click unsubscribe (RFC 8058).
 */
@Component
class EmailChannel implements ChannelAdapter {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

    private final ContactMailSender mail;
    private final MailTemplates templates;
    private final ReplyDomains domains;

    EmailChannel(ContactMailSender mail, MailTemplates templates, ReplyDomains domains) {
        this.mail = mail;
        this.templates = templates;
        this.domains = domains;
    }

    @Override
    public ContactChannel channel() {
        return ContactChannel.EMAIL;
    }

    @Override
    public boolean configured(UUID merchantId) {
        return mail.get().isPresent();
    }

    @Override
    public String normalize(String address) {
        String trimmed = address == null ? "" : address.strip();
        try {
            if (trimmed.length() > 254 || !trimmed.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                throw new AddressException(trimmed);
            }
            InternetAddress parsed = new InternetAddress(trimmed, true);
            String value = parsed.getAddress();
            int at = value.lastIndexOf('@');
            return value.substring(0, at) + "@" + value.substring(at + 1).toLowerCase(Locale.ROOT);
        } catch (AddressException e) {
            throw DomainException.invalidField("address", "Enter an email address like name@example.com.");
        }
    }

    @Override
    public String proxyAddress(UUID merchantId, UUID memberId, String suggestedName) {
        String base = Normalizer.normalize(suggestedName == null ? "" : suggestedName, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", ".")
                .replaceAll("^\\.+|\\.+$", "");
        base = base.isEmpty() ? "expert" : base.length() > 30 ? base.substring(0, 30) : base;
        StringBuilder suffix = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            suffix.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return base + "." + suffix + "@" + domains.of(merchantId);
    }

    @Override
    public SendResult send(OutboundMessage message) {
        try (Sending sending = sending()) {
            return sending.send(message);
        }
    }

    /** One SMTP session carries many messages (RFC 5321): the run keeps its connections open until closed. */
    @Override
    public Sending sending() {
        JavaMailSender sender = mail.get().orElse(null);
        if (sender instanceof JavaMailSenderImpl smtp) {
            return new SmtpSending(smtp);
        }
        return new Sending() {
            @Override
            public SendResult send(OutboundMessage message) {
                return sendAlone(sender, message);
            }

            @Override
            public void close() {}
        };
    }

    private SendResult sendAlone(JavaMailSender sender, OutboundMessage message) {
        if (sender == null) {
            return new SendResult.Retry("no mail server configured (spring.mail.host)");
        }
        try {
            sender.send(mime(sender, message));
            return new SendResult.Sent(message.messageId());
        } catch (MailSendException e) {
            boolean permanent = e.getFailedMessages().values().stream().anyMatch(EmailChannel::permanent);
            return permanent ? new SendResult.Failed("recipient refused: " + e.getMessage())
                    : new SendResult.Retry("mail server: " + e.getMessage());
        } catch (MailException e) {
            return new SendResult.Retry("mail server: " + e.getMessage());
        } catch (MessagingException | UnsupportedEncodingException e) {
            return new SendResult.Failed("email could not be built: " + e.getMessage());
        }
    }

    /** A 5xx answer for the recipient (RFC 5321): the address will not start working by retrying. */
    private static boolean permanent(Exception cause) {
        return cause instanceof SendFailedException failed && failed.getInvalidAddresses() != null
                && failed.getInvalidAddresses().length > 0
                && detail(failed).matches("(?s).*\\b5\\d\\d\\b.*");
    }

    /** The exception's message with those of the exceptions it wraps (the server's answer is often nested). */
    private static String detail(Exception e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
        for (Exception next = e instanceof MessagingException m ? m.getNextException() : null; next != null;
                next = next instanceof MessagingException m ? m.getNextException() : null) {
            text.append(": ").append(next.getMessage());
        }
        return text.toString();
    }

    /**
     * Sends over SMTP connections kept open for the run: a sending thread takes an idle one or opens one, so there
     * are at most as many as threads sending at once. A connection that failed is closed, never reused.
     */
    private final class SmtpSending implements Sending {

        private final JavaMailSenderImpl smtp;
        private final Deque<Transport> idle = new ConcurrentLinkedDeque<>();

        SmtpSending(JavaMailSenderImpl smtp) {
            this.smtp = smtp;
        }

        @Override
        public SendResult send(OutboundMessage message) {
            MimeMessage mime;
            try {
                mime = mime(smtp, message);
                mime.setSentDate(new Date());
                mime.saveChanges();
                // saveChanges() issues a Message-ID of its own; the message's id is its idempotency key.
                mime.setHeader("Message-ID", message.messageId());
            } catch (MessagingException | UnsupportedEncodingException e) {
                return new SendResult.Failed("email could not be built: " + e.getMessage());
            }
            Transport transport = idle.poll();
            try {
                if (transport == null) {
                    transport = connect();
                }
                transport.sendMessage(mime, mime.getAllRecipients());
                idle.push(transport);
                return new SendResult.Sent(message.messageId());
            } catch (MessagingException e) {
                quietlyClose(transport);
                return permanent(e) ? new SendResult.Failed("recipient refused: " + detail(e))
                        : new SendResult.Retry("mail server: " + detail(e));
            }
        }

        private Transport connect() throws MessagingException {
            Transport transport = smtp.getSession().getTransport(smtp.getProtocol() == null ? "smtp"
                    : smtp.getProtocol());
            String username = smtp.getUsername() == null || smtp.getUsername().isEmpty() ? null : smtp.getUsername();
            String password = smtp.getPassword() == null || smtp.getPassword().isEmpty() ? null : smtp.getPassword();
            transport.connect(smtp.getHost(), smtp.getPort(), username, password);
            return transport;
        }

        @Override
        public void close() {
            for (Transport transport = idle.poll(); transport != null; transport = idle.poll()) {
                quietlyClose(transport);
            }
        }

        private static void quietlyClose(Transport transport) {
            if (transport != null) {
                try {
                    transport.close();
                } catch (MessagingException ignored) {
                    // the connection is gone either way
                }
            }
        }
    }

    private MimeMessage mime(JavaMailSender sender, OutboundMessage m) throws MessagingException,
            UnsupportedEncodingException {
        Map<String, Object> values = new HashMap<>();
        values.put("from", m.fromName());
        values.put("text", m.text());
        values.put("lines", m.text().split("\\R"));
        values.put("products", m.products());
        values.put("unsubscribe", m.unsubscribe());
        values.put("actionLabel", m.actionLabel());
        values.put("actionUrl", m.actionUrl());

        MimeMessage mime = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(mime, true, StandardCharsets.UTF_8.name());
        helper.setFrom(m.from(), m.fromName());
        helper.setReplyTo(m.replyTo());
        helper.setTo(m.to());
        helper.setSubject(m.subject());
        helper.setText(templates.text(values), templates.html(values));
        mime.setHeader("Message-ID", m.messageId());
        if (m.inReplyTo() != null) {
            mime.setHeader("In-Reply-To", m.inReplyTo());
        }
        if (!m.references().isEmpty()) {
            mime.setHeader("References", String.join(" ", m.references()));
        }
        if (m.unsubscribe() != null) {
            mime.setHeader("List-Unsubscribe", "<" + m.unsubscribe() + ">");
            mime.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        mime.setHeader("Auto-Submitted", m.actionUrl() == null ? "no" : "auto-generated");
        return mime;
    }
}
