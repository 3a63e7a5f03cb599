package io.vitrine.contacts.internal;

import jakarta.mail.Address;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Polls a catch-all mailbox of the reply domain over IMAP (vitrine.contacts.inbound=imap), on one node of a cluster
 * at a time. Each unseen message goes through the same inbound path as SMTP; it is then flagged seen (and a message
 * seen twice is recognised by its Message-ID), so nothing is stored twice. Made by {@link InboundConfiguration}.
 */
public class ImapInbound {

    private static final Logger LOG = LoggerFactory.getLogger(ImapInbound.class);

    private final Inbox inbox;
    private final ContactsProperties.Imap settings;

    ImapInbound(Inbox inbox, ContactsProperties properties) {
        this.inbox = inbox;
        this.settings = properties.imap();
        if (settings.host() == null || settings.host().isBlank()) {
            throw new IllegalStateException("vitrine.contacts.inbound=imap needs vitrine.contacts.imap.host");
        }
    }

    @Scheduled(fixedDelayString = "${vitrine.contacts.imap.poll-interval:30s}")
    @SchedulerLock(name = "contacts-imap", lockAtMostFor = "5m")
    void tick() {
        try {
            poll();
        } catch (MessagingException | RuntimeException e) {
            LOG.warn("Polling the contacts mailbox {} failed; trying again on the next tick", settings.host(), e);
        }
    }

    /** Reads every unseen message; returns how many were taken. */
    public int poll() throws MessagingException {
        String protocol = settings.ssl() ? "imaps" : "imap";
        Properties props = new Properties();
        props.put("mail." + protocol + ".connectiontimeout", "10000");
        props.put("mail." + protocol + ".timeout", "30000");
        Session session = Session.getInstance(props);
        try (Store store = session.getStore(protocol)) {
            store.connect(settings.host(), settings.port(), settings.username(), settings.password());
            Folder folder = store.getFolder(settings.folder());
            folder.open(Folder.READ_WRITE);
            try {
                Message[] unseen = folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
                int taken = 0;
                for (Message message : unseen) {
                    if (take((MimeMessage) message)) {
                        taken++;
                    }
                    message.setFlag(Flags.Flag.SEEN, true);
                }
                return taken;
            } finally {
                folder.close(false);
            }
        }
    }

    private boolean take(MimeMessage message) {
        try {
            InboundMail mail = InboundMail.parse(message);
            for (String recipient : recipients(message)) {
                Inbox.Outcome outcome = inbox.receive(recipient, mail);
                if (outcome == Inbox.Outcome.STORED || outcome == Inbox.Outcome.BOUNCED) {
                    return true;
                }
            }
        } catch (MessagingException | IOException | RuntimeException e) {
            LOG.warn("A message in the contacts mailbox could not be read; it is skipped", e);
        }
        return false;
    }

    /** Delivered-To / X-Original-To first (the envelope recipient of a catch-all), then To and Cc. */
    private static List<String> recipients(MimeMessage message) throws MessagingException {
        List<String> all = new ArrayList<>();
        for (String header : new String[] {"Delivered-To", "X-Original-To"}) {
            String[] values = message.getHeader(header);
            if (values != null) {
                for (String value : values) {
                    all.add(value.strip());
                }
            }
        }
        for (Message.RecipientType type : new Message.RecipientType[] {Message.RecipientType.TO, Message.RecipientType.CC}) {
            Address[] addresses = message.getRecipients(type);
            if (addresses != null) {
                for (Address address : addresses) {
                    all.add(((InternetAddress) address).getAddress());
                }
            }
        }
        return all;
    }
}
