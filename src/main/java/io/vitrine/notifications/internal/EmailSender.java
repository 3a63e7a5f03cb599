package io.vitrine.notifications.internal;

import io.vitrine.notifications.Recipient;
import io.vitrine.shared.VitrineProperties;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Sends a notice as an email with HTML and text parts from the templates under templates/mail/, an unsubscribe link
 * and the one-click unsubscribe headers (RFC 8058), and the calendar invitation when there is one.
 */
@Component
class EmailSender {

    private final ObjectProvider<JavaMailSender> mail;
    private final Unsubscribes unsubscribes;
    private final NotificationsProperties.Mail settings;
    private final String baseUrl;
    // Our own engine, so the application's page templates and their resolver stay as they are.
    private final SpringTemplateEngine templates = new SpringTemplateEngine();

    EmailSender(ObjectProvider<JavaMailSender> mail, Unsubscribes unsubscribes, NotificationsProperties properties,
            VitrineProperties vitrine, Environment environment) {
        this.mail = mail;
        this.unsubscribes = unsubscribes;
        this.settings = properties.mail();
        String publicUrl = vitrine.publicUrl();
        this.baseUrl = publicUrl != null && !publicUrl.isBlank() ? publicUrl.replaceAll("/+$", "")
                : "http://localhost:" + environment.getProperty("server.port", "8080");
        templates.addTemplateResolver(resolver(TemplateMode.HTML, ".html", 1));
        templates.addTemplateResolver(resolver(TemplateMode.TEXT, ".txt", 2));
    }

    Delivery send(Recipient recipient, Addresses.Address to, Payload payload) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return new Delivery.Skipped("no mail server configured (spring.mail.host)");
        }
        try {
            sender.send(message(sender, recipient, to, payload));
            return new Delivery.Sent();
        } catch (MailException e) {
            return new Delivery.Retry("mail server: " + e.getMessage());
        } catch (MessagingException | UnsupportedEncodingException e) {
            return new Delivery.Failed("email could not be built: " + e.getMessage());
        }
    }

    private MimeMessage message(JavaMailSender sender, Recipient recipient, Addresses.Address to, Payload payload)
            throws MessagingException, UnsupportedEncodingException {
        String unsubscribe = baseUrl + "/api/v1/notifications/unsubscribe/" + unsubscribes.newToken(recipient);
        Context context = new Context(Locale.ENGLISH);
        context.setVariable("name", to.name());
        context.setVariable("title", payload.title());
        context.setVariable("body", payload.body());
        context.setVariable("link", absolute(payload.link()));
        context.setVariable("unsubscribe", unsubscribe);

        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
        helper.setFrom(settings.from(), settings.fromName());
        helper.setTo(to.email());
        helper.setSubject(payload.title());
        helper.setText(templates.process("notice.txt", context), templates.process("notice.html", context));
        if (payload.calendar() != null) {
            helper.addAttachment("invite.ics", new ByteArrayResource(payload.calendar().getBytes(StandardCharsets.UTF_8)),
                    "text/calendar; charset=UTF-8; method=" + payload.calendarMethod());
        }
        message.setHeader("List-Unsubscribe", "<" + unsubscribe + ">");
        message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        return message;
    }

    private String absolute(String link) {
        return link == null || link.matches("^https?://.*") ? link : baseUrl + (link.startsWith("/") ? "" : "/") + link;
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String suffix, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/mail/");
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setResolvablePatterns(java.util.Set.of("*" + suffix));
        resolver.setOrder(order);
        resolver.setCacheable(true);
        return resolver;
    }
}
