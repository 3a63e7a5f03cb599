package io.vitrine.contacts.internal;

import io.vitrine.shared.VitrineProperties;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * The SMTP server contact mail leaves through: the application's mail server (spring.mail.*), or in demo mode
 * without one, Vitrine's own SMTP listener, which keeps mail for shoppers in the demo mailbox (/demo/inbox).
 */
@Component
class ContactMailSender {

    private final ObjectProvider<JavaMailSender> configured;
    private final ObjectProvider<SmtpInbound> listener;
    private final boolean demo;
    private volatile JavaMailSenderImpl local;

    ContactMailSender(ObjectProvider<JavaMailSender> configured, ObjectProvider<SmtpInbound> listener,
            VitrineProperties vitrine) {
        this.configured = configured;
        this.listener = listener;
        this.demo = vitrine.demo();
    }

    Optional<JavaMailSender> get() {
        JavaMailSender sender = configured.getIfAvailable();
        if (sender != null) {
            return Optional.of(sender);
        }
        return demo ? local() : Optional.empty();
    }

    private Optional<JavaMailSender> local() {
        if (local == null) {
            SmtpInbound smtp = listener.getIfAvailable();
            if (smtp == null || smtp.port() <= 0) {
                return Optional.empty();
            }
            JavaMailSenderImpl sender = new JavaMailSenderImpl();
            sender.setHost(smtp.host());
            sender.setPort(smtp.port());
            sender.setDefaultEncoding("UTF-8");
            local = sender;
        }
        return Optional.of(local);
    }
}
