package io.vitrine.contacts.internal;

import io.vitrine.shared.VitrineProperties;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.subethamail.smtp.helper.SimpleMessageListener;
import org.subethamail.smtp.server.SMTPServer;

/**
 * The SMTP listener for the reply domain (vitrine.contacts.inbound=smtp): the MX of the reply domain points here.
 * Mail for unknown addresses is refused during the SMTP dialogue (550), so senders learn of it. In demo mode it also
 * takes mail for any other address into the demo mailbox: it then is the shoppers' mail server too. Made by
 * {@link InboundConfiguration}.
 */
public class SmtpInbound implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(SmtpInbound.class);

    private final Inbox inbox;
    private final DemoMailbox demoMailbox;
    private final ContactsProperties.Smtp settings;
    private final boolean demo;
    private SMTPServer server;

    SmtpInbound(Inbox inbox, DemoMailbox demoMailbox, ContactsProperties properties, VitrineProperties vitrine) {
        this.inbox = inbox;
        this.demoMailbox = demoMailbox;
        this.settings = properties.smtp();
        this.demo = vitrine.demo();
    }

    @Override
    public synchronized void start() {
        try {
            server = SMTPServer.port(settings.port())
                    .bindAddress(InetAddress.getByName(settings.bindAddress()))
                    .hostName("vitrine")
                    .maxMessageSize(settings.maxMessageSize())
                    .simpleMessageListener(new Listener())
                    .build();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("vitrine.contacts.smtp.bind-address is not an address", e);
        }
        server.start();
        LOG.info("Contacts: receiving replies by SMTP on {}:{}", settings.bindAddress(), port());
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return server != null && server.isRunning();
    }

    public String host() {
        return settings.bindAddress();
    }

    /** The port listened on (the one picked when configured as 0); 0 while stopped. */
    public synchronized int port() {
        return server == null ? 0 : server.getPortAllocated();
    }

    private final class Listener implements SimpleMessageListener {

        @Override
        public boolean accept(String from, String recipient) {
            return inbox.accepts(recipient) || demo;
        }

        @Override
        public void deliver(String from, String recipient, InputStream data) throws IOException {
            byte[] raw = data.readAllBytes();
            if (!inbox.accepts(recipient)) {
                demoMailbox.store(recipient, from, subject(raw), raw);
                return;
            }
            try {
                Inbox.Outcome outcome = inbox.receive(recipient, InboundMail.parse(raw));
                LOG.debug("Inbound mail for {}: {}", recipient, outcome);
            } catch (MessagingException e) {
                // It would not read any better when sent again: taken and logged, not bounced back for a retry.
                LOG.warn("An inbound message for {} could not be read; it is dropped", recipient, e);
            }
        }

        private String subject(byte[] raw) {
            try {
                return InboundMail.parse(raw).subject();
            } catch (MessagingException | IOException e) {
                return null;
            }
        }
    }
}
