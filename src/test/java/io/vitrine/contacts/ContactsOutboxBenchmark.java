package io.vitrine.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.support.Api;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Outbound throughput of the contacts outbox: the expert queues messages to a confirmed email contact through the
 * API, and the outbox sends them over SMTP to a mail server on loopback (GreenMail). The clock runs from the first
 * message queued until the last one is SENT and the mail server holds them all. Not part of the tests (the name does
 * not end in Test); run with {@code ./vitrine bench contacts}, which also runs {@code ChannelWebhookBenchmark}.
 */
class ContactsOutboxBenchmark extends ContactsIntegrationTest {

    private static final int MESSAGES = Integer.getInteger("bench.messages", 2000);

    @Test
    void outboundMessagesPerSecondThroughTheOutboxToSmtp() throws Exception {
        Shop shop = shop("anna");
        Api anna = shop.online("anna");
        Joined contact = joinedContact(shop, anna, "bench-" + UUID.randomUUID().toString().substring(0, 8)
                + "@example.com");
        String path = "/api/v1/contacts/" + contact.contactId() + "/messages";
        double loadBefore = load();

        long start = System.nanoTime();
        for (int i = 0; i < MESSAGES; i++) {
            var queued = anna.post(path, Map.of("text", "Message " + i + ": the new season is in."));
            assertThat(queued.status()).isEqualTo(201);
        }
        long queuedAt = System.nanoTime();
        String contactId = contact.contactId();
        Awaitility.await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(20)).until(() ->
                jdbc.sql("select count(*) from contact_message where contact_id = ? and state = 'SENT'")
                        .param(UUID.fromString(contactId)).query(Integer.class).single() == MESSAGES + 1);
        long sentAt = System.nanoTime();
        // The confirmation plus every message reached the mail server.
        assertThat(mail.getReceivedMessages()).hasSize(MESSAGES + 1);

        double seconds = (sentAt - start) / 1e9;
        double queueSeconds = (queuedAt - start) / 1e9;
        String line = ("| %s | %s, %d cores, Java %s, H2 in memory | %.1f → %.1f | %d messages, queued through the API"
                + " and sent over SMTP | %.1f s (queued in %.1f s) | **%.0f messages/s** |").formatted(LocalDate.now(),
                System.getProperty("os.arch"), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.specification.version"), loadBefore, load(), MESSAGES, seconds, queueSeconds,
                MESSAGES / seconds);
        System.out.println(line);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/contacts-benchmark.md"), line + "\n", StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
