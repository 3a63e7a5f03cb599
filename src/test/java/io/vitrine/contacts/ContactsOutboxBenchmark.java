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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Outbound throughput of the contacts outbox: the expert queues messages to confirmed email contacts
 * ({@code bench.contacts}, in turn) through the API, and the outbox sends them over SMTP to a mail server on loopback
 * (GreenMail). The clock runs from the first message queued until the last one is SENT and the mail server holds them
 * all; the outbox's own rate is what it sent after the last message was queued, over the time that took (it no longer
 * shares the machine with the API calls then). Then the same number is queued for an hour later and all made due at
 * once: the time to drain that backlog is the outbox alone; queueing them, with nothing due, times the API alone.
 * Not part of the tests (the name does not end in Test); run with {@code ./vitrine bench contacts}, which also runs
 * {@code ChannelWebhookBenchmark}.
 */
class ContactsOutboxBenchmark extends ContactsIntegrationTest {

    private static final int MESSAGES = Integer.getInteger("bench.messages", 2000);
    private static final int CONTACTS = Integer.getInteger("bench.contacts", 10);

    @Test
    void outboundMessagesPerSecondThroughTheOutboxToSmtp() throws Exception {
        Shop shop = shop("anna");
        Api anna = shop.online("anna");
        List<String> paths = new ArrayList<>();
        List<UUID> contactIds = new ArrayList<>();
        for (int c = 0; c < CONTACTS; c++) {
            Joined contact = joinedContact(shop, anna, "bench-" + UUID.randomUUID().toString().substring(0, 8)
                    + "@example.com");
            // The live dialog has done its part; ending it frees the expert for the next contact's.
            assertThat(anna.post(contact.live().staffPath() + "/end", null).status()).isEqualTo(200);
            paths.add("/api/v1/contacts/" + contact.contactId() + "/messages");
            contactIds.add(UUID.fromString(contact.contactId()));
        }
        double loadBefore = load();

        long start = System.nanoTime();
        for (int i = 0; i < MESSAGES; i++) {
            var queued = anna.post(paths.get(i % CONTACTS), Map.of("text", "Message " + i + ": the new season is in."));
            assertThat(queued.status()).isEqualTo(201);
        }
        long queuedAt = System.nanoTime();
        int sentWhenQueued = sent(contactIds);
        Awaitility.await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> sent(contactIds) == MESSAGES + CONTACTS);
        long sentAt = System.nanoTime();
        // The confirmations plus every message reached the mail server.
        assertThat(mail.getReceivedMessages()).hasSize(MESSAGES + CONTACTS);

        // A backlog: the same number queued for an hour later, then all made due at once; the outbox alone drains it.
        // Queued while the outbox has nothing due: the API's own rate and each request's time as the expert sees it.
        String later = java.time.Instant.now().plus(Duration.ofHours(1)).toString();
        long[] requestNanos = new long[MESSAGES];
        long laterStart = System.nanoTime();
        for (int i = 0; i < MESSAGES; i++) {
            long requestStart = System.nanoTime();
            var queued = anna.post(paths.get(i % CONTACTS), Map.of("text", "Later " + i + ": the new season is in.",
                    "sendAt", later));
            requestNanos[i] = System.nanoTime() - requestStart;
            assertThat(queued.status()).isEqualTo(201);
        }
        long backlogAt = System.nanoTime();
        double laterSeconds = (backlogAt - laterStart) / 1e9;
        java.util.Arrays.sort(requestNanos);
        jdbc.sql("update contact_message set send_at = :now where contact_id in (:ids) and state = 'QUEUED'")
                .param("now", java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC)).param("ids", contactIds)
                .update();
        Awaitility.await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> sent(contactIds) == 2 * MESSAGES + CONTACTS);
        double backlogSeconds = (System.nanoTime() - backlogAt) / 1e9;

        double seconds = (sentAt - start) / 1e9;
        double queueSeconds = (queuedAt - start) / 1e9;
        double drainSeconds = (sentAt - queuedAt) / 1e9;
        int drained = MESSAGES + CONTACTS - sentWhenQueued;
        String line = ("| %s | %s, %d cores, Java %s, H2 in memory | %.1f → %.1f | %d messages to %d contacts, queued"
                + " through the API and sent over SMTP | %.1f s (queued in %.1f s): **%.0f messages/s** end to end |"
                + " outbox alone: %d sent in %.2f s after the last was queued; a backlog of %d made due at once"
                + " drained in %.1f s: **%.0f messages/s**; the API alone (outbox idle) queued %d in %.1f s: %.0f/s,"
                + " request p50 %.1f ms, p99 %.1f ms |").formatted(
                LocalDate.now(), System.getProperty("os.arch"), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.specification.version"), loadBefore, load(), MESSAGES, CONTACTS, seconds,
                queueSeconds, MESSAGES / seconds, drained, drainSeconds, MESSAGES, backlogSeconds,
                MESSAGES / backlogSeconds, MESSAGES, laterSeconds, MESSAGES / laterSeconds,
                requestNanos[MESSAGES / 2] / 1e6, requestNanos[(int) (MESSAGES * 0.99)] / 1e6);
        System.out.println(line);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/contacts-benchmark.md"), line + "\n", StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    private int sent(List<UUID> contactIds) {
        return jdbc.sql("select count(*) from contact_message where contact_id in (:ids) and state = 'SENT'")
                .param("ids", contactIds).query(Integer.class).single();
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
