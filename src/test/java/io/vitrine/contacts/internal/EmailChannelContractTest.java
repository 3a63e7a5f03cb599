package io.vitrine.contacts.internal;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.vitrine.contacts.ChannelAdapter;
import io.vitrine.contacts.ChannelAdapterContract;
import io.vitrine.shared.VitrineProperties;
import io.vitrine.support.FreePorts;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mock.env.MockEnvironment;

/** The email adapter against a real SMTP server on loopback (GreenMail). */
class EmailChannelContractTest implements ChannelAdapterContract {

    private final int port = FreePorts.outsideEphemeralRange();
    private GreenMail smtp;
    private EmailChannel adapter;

    @BeforeEach
    void start() {
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "2000");
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("mailSender", sender);
        ContactsProperties properties = Binder.get(new MockEnvironment()).bindOrCreate("vitrine.contacts",
                ContactsProperties.class);
        VitrineProperties vitrine = Binder.get(new MockEnvironment()).bindOrCreate("vitrine", VitrineProperties.class);
        adapter = new EmailChannel(new ContactMailSender(beans.getBeanProvider(JavaMailSender.class),
                beans.getBeanProvider(SmtpInbound.class), vitrine), new MailTemplates(), configuredDomain(properties));
    }

    /** No database here: every merchant keeps the configured reply domain. */
    private static ReplyDomains configuredDomain(ContactsProperties properties) {
        return new ReplyDomains(null, java.time.Clock.systemUTC(), properties) {
            @Override
            public String of(java.util.UUID merchantId) {
                return properties.replyDomain();
            }
        };
    }

    @AfterEach
    void stop() {
        smtp.stop();
    }

    @Override
    public ChannelAdapter adapter() {
        return adapter;
    }

    @Override
    public String validAddress() {
        return "  Alex.Doe@Example.COM ";
    }

    @Override
    public String canonicalAddress() {
        return "Alex.Doe@example.com";
    }

    @Override
    public List<String> invalidAddresses() {
        return List.of("", "alex", "alex@", "@example.com", "alex@example", "a b@example.com", "x".repeat(250) + "@e.com");
    }

    @Override
    public List<String> receivedBy(String address) throws Exception {
        smtp.waitForIncomingEmail(Duration.ofSeconds(10).toMillis(), 1);
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return ((InternetAddress) m.getAllRecipients()[0]).getAddress().equalsIgnoreCase(address);
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).map(GreenMailUtil::getWholeMessage).toList();
    }

    @Override
    public void providerDown(boolean down) {
        if (down) {
            smtp.stop();
        } else if (!smtp.isRunning()) {
            smtp.start();
        }
    }
}
