package io.vitrine.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.vitrine.notifications.Channel;
import io.vitrine.notifications.Notification;
import io.vitrine.notifications.NotificationsIntegrationTest;
import io.vitrine.notifications.Recipient;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Two workers, as on two nodes, racing for the same due rows: every email is sent exactly once. */
class TwoWorkersIntegrationTest extends NotificationsIntegrationTest {

    private static final int EMAILS = 40;

    @Autowired OutboxWorker firstWorker;
    @Autowired Outbox outbox;
    @Autowired Preferences preferences;
    @Autowired Addresses addresses;
    @Autowired EmailSender email;
    @Autowired WebPushSender push;
    @Autowired PushSubscriptions subscriptions;
    @Autowired NotificationsProperties properties;
    @Autowired JsonMapper json;
    @Autowired Clock clock;
    @Autowired TransactionTemplate transactions;

    @Test
    void shouldNeverSendOneRowTwiceWhenTwoWorkersRace() throws Exception {
        OutboxWorker secondWorker = new OutboxWorker(outbox, preferences, addresses, email, push, subscriptions,
                properties, json, clock);
        Shop shop = shop("anna");
        Recipient anna = staffRecipient(shop, "anna");
        GreenMail smtp = smtpServer();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            for (int i = 0; i < EMAILS; i++) {
                notifications.notify(Notification.of("test.race", "Race " + i, "Once only.", null, Channel.EMAIL),
                        List.of(anna));
            }
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> runs = new ArrayList<>();
            for (OutboxWorker worker : List.of(firstWorker, secondWorker, firstWorker, secondWorker)) {
                runs.add(threads.submit(() -> {
                    start.await();
                    while (outboxOf(anna.id()).stream().anyMatch(row -> row.get("status").equals("PENDING"))) {
                        worker.sendDue();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> run : runs) {
                run.get(120, TimeUnit.SECONDS);
            }

            MimeMessage[] received = smtp.getReceivedMessagesForDomain(shop.slug() + ".test");
            List<String> subjects = Arrays.stream(received).map(TwoWorkersIntegrationTest::subject).toList();
            assertThat(subjects).hasSize(EMAILS).doesNotHaveDuplicates();
            assertThat(outboxOf(anna.id())).allSatisfy(row -> {
                assertThat(row.get("status")).isEqualTo("SENT");
                assertThat(((Number) row.get("attempts")).intValue()).isEqualTo(1);
            });
        } finally {
            threads.shutdownNow();
            smtp.stop();
        }
    }

    @Test
    void shouldTakeOverARowWhoseWorkerDiedOnceItsLeaseEnds() {
        Shop shop = shop("anna");
        Recipient anna = staffRecipient(shop, "anna");
        GreenMail smtp = smtpServer();
        try {
            // A node claims the row and dies before sending; its lease ends a little later. Queued and claimed in
            // one transaction, so no live worker sees the row unclaimed.
            int claimed = transactions.execute(status -> {
                notifications.notify(Notification.of("test.lease", "Taken over", "Sent by another node.", null,
                        Channel.EMAIL), List.of(anna));
                return jdbc.sql("""
                        update notification_outbox set claimed_by = 'dead-node', claimed_until = ?, attempts = 1
                        where recipient_id = ? and status = 'PENDING'""")
                        .params(OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(2), anna.id()).update();
            });
            assertThat(claimed).isEqualTo(1);

            eventually().until(() -> smtp.getReceivedMessagesForDomain(shop.slug() + ".test").length == 1);
            assertThat(outboxOf(anna.id()).getFirst().get("status")).isEqualTo("SENT");
            assertThat(((Number) outboxOf(anna.id()).getFirst().get("attempts")).intValue()).isEqualTo(2);
        } finally {
            smtp.stop();
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
