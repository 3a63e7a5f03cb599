package io.vitrine.notifications;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.vitrine.support.FreePorts;
import io.vitrine.support.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The platform with a real SMTP port on loopback (GreenMail, started by each test when it wants the server up) and
 * an outbox that retries quickly.
 */
public abstract class NotificationsIntegrationTest extends IntegrationTest {

    static final int SMTP_PORT = FreePorts.outsideEphemeralRange();

    @Autowired
    protected NotificationsApi notifications;

    @Autowired
    protected JdbcClient jdbc;

    @DynamicPropertySource
    static void mailAndOutbox(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("spring.mail.properties.mail.smtp.connectiontimeout", () -> "2000");
        registry.add("spring.mail.properties.mail.smtp.timeout", () -> "5000");
        registry.add("vitrine.public-url", () -> "https://vitrine.example.com");
        registry.add("vitrine.notifications.outbox.poll-interval", () -> "200ms");
        registry.add("vitrine.notifications.outbox.initial-backoff", () -> "200ms");
        registry.add("vitrine.notifications.outbox.max-backoff", () -> "1s");
        registry.add("vitrine.notifications.outbox.max-attempts", () -> "100");
    }

    protected static GreenMail smtpServer() {
        GreenMail server = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    protected static ConditionFactory eventually() {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100));
    }

    /** The outbox rows of one recipient, oldest first. */
    protected List<Map<String, Object>> outboxOf(UUID recipientId) {
        return jdbc.sql("select * from notification_outbox where recipient_id = ? order by created_at, id")
                .param(recipientId).query().listOfRows();
    }

    protected Recipient staffRecipient(Shop shop, String name) {
        return Recipient.staff(shop.merchant().id(), shop.memberId(name));
    }
}
