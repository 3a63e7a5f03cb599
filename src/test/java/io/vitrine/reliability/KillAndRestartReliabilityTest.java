package io.vitrine.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.support.Api;
import io.vitrine.support.PostgresSchema;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Shoppers chat while their connections drop at random; the server process is killed with SIGKILL mid-traffic (or
 * stopped with SIGTERM) and started again on the same database. Every message whose {@code event} echo arrived must
 * still be there, at the same place, and no client may see an event twice, out of order or with a gap.
 */
@Tag("reliability")
class KillAndRestartReliabilityTest {

    private static final int CHATTERS = 6;
    private static final int ACKS_BEFORE_KILL = 600;
    private static final int ACKS_AFTER_RESTART = 150;
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    /** The chatters all connect from one address and write as fast as they can: no frame budget may hold them back. */
    private static final List<String> FAST_CLIENTS = List.of(
            "--vitrine.realtime.frames-per-second=1000", "--vitrine.realtime.burst=1000",
            "--vitrine.realtime.limits.participant-frames-per-second=1000", "--vitrine.realtime.limits.participant-burst=1000",
            "--vitrine.realtime.limits.address-frames-per-second=1000", "--vitrine.realtime.limits.address-burst=1000");

    /** The embedded default, exactly as configured in application.yml: an H2 file under ./data of the working folder. */
    @Test
    void acknowledgedMessagesSurviveSigkillOnTheEmbeddedH2(@TempDir Path dir) throws Exception {
        chatKillAndRestart("H2", dir, FAST_CLIENTS);
    }

    /**
     * An operator's stop mid-traffic: the shutdown stores what was queued and closes the embedded database only
     * after everything that needs it (the event publication registry last); sockets closed or opened meanwhile
     * schedule nothing on the stopped scheduler and call on no bean of the closed context.
     */
    @Test
    void aCleanStopMidChatLosesNothingAndShutsDownWithoutErrorsOnTheEmbeddedH2(@TempDir Path dir) throws Exception {
        chatStopAndRestart("H2", dir, FAST_CLIENTS, server -> {
            assertThat(server.stop()).as("exit status of a JVM stopped by SIGTERM").isEqualTo(128 + 15);
            assertThat(server.log()).as("the stopped server's log")
                    .doesNotContain("Invocation of destroy method failed").doesNotContain("TaskRejectedException")
                    .doesNotContain("has been closed already");
        });
    }

    @Test
    void acknowledgedMessagesSurviveSigkillOnPostgres(@TempDir Path dir) throws Exception {
        try (var postgres = PostgresSchema.create("vitrine_rel_").requireReachable()) {
            List<String> args = new ArrayList<>(FAST_CLIENTS);
            args.addAll(postgres.serverArguments());
            chatKillAndRestart("PostgreSQL", dir, args);
        }
    }

    private void chatKillAndRestart(String database, Path dir, List<String> args) throws Exception {
        chatStopAndRestart(database, dir, args, server -> assertThat(server.kill())
                .as("exit status of a JVM killed by SIGKILL").isEqualTo(ServerProcess.SIGKILL_EXIT));
    }

    /** How the server goes down mid-traffic, and what must hold of it. */
    private interface Stop {
        void stop(ServerProcess server) throws Exception;
    }

    private void chatStopAndRestart(String database, Path dir, List<String> args, Stop stopping) throws Exception {
        try (var server = new ServerProcess(dir, args)) {
            server.start(START_TIMEOUT);
            String base = "http://localhost:" + server.port();
            AtomicBoolean stop = new AtomicBoolean();
            List<Chatter> chatters = new ArrayList<>();
            List<Api> shoppers = new ArrayList<>();
            for (int i = 0; i < CHATTERS; i++) {
                Api shopper = demoShopper(server.port(), i);
                var dialog = shopper.post("/api/v1/widget/me/dialogs", Map.of("message", "Hello from " + i, "textOnly", true));
                assertThat(dialog.status()).as(dialog.raw()).isEqualTo(201);
                shoppers.add(shopper);
                chatters.add(new Chatter(base, shopper.token(), dialog.body().path("id").asString(), "c" + i, stop, 42 + i));
            }
            List<Thread> threads = chatters.stream().map(c -> Thread.ofPlatform().name("chatter").start(c)).toList();
            try {
                awaitAcknowledged(server, chatters, ACKS_BEFORE_KILL);
                stopping.stop(server);
                int acknowledgedAtKill = acknowledged(chatters);
                Duration restart = server.start(START_TIMEOUT);
                awaitAcknowledged(server, chatters, acknowledgedAtKill + ACKS_AFTER_RESTART);
                stop.set(true);
                for (Thread thread : threads) {
                    thread.join(Duration.ofMinutes(1));
                }
                report(database, chatters, shoppers, acknowledgedAtKill, restart);
            } finally {
                stop.set(true);
            }
        }
    }

    private static void report(String database, List<Chatter> chatters, List<Api> shoppers, int acknowledgedAtKill,
            Duration restart) {
        int sent = 0;
        int acknowledged = 0;
        int lost = 0;
        int drops = 0;
        int duplicates = 0;
        int gaps = 0;
        int resets = 0;
        for (int i = 0; i < chatters.size(); i++) {
            Chatter chatter = chatters.get(i);
            List<JsonNode> stored = TranscriptPages.read(shoppers.get(i), "/api/v1/widget/me/dialogs/" + chatter.dialogId());
            assertThat(stored.stream().map(e -> e.path("seq").asLong()).toList()).as("stored order")
                    .isEqualTo(LongStream.rangeClosed(1, stored.size()).boxed().toList());
            Set<String> refs = new HashSet<>();
            stored.stream().map(e -> e.path("clientRef").asString(null)).filter(r -> r != null)
                    .forEach(r -> assertThat(refs.add(r)).as("message %s stored twice", r).isTrue());
            for (var ack : chatter.acknowledged.entrySet()) {
                boolean there = stored.stream().anyMatch(e -> ack.getKey().equals(e.path("clientRef").asString(null))
                        && e.path("seq").asLong() == ack.getValue());
                lost += there ? 0 : 1;
            }
            sent += chatter.sent.get();
            acknowledged += chatter.acknowledged.size();
            drops += chatter.drops.get();
            duplicates += chatter.duplicates.get();
            gaps += chatter.gaps.get();
            resets += chatter.resets.get();
        }
        System.out.printf("reliability %s: messages sent %d, acknowledged %d (%d before it went down), lost %d, "
                + "shown twice %d, out of order %d, resets %d, connections dropped %d, restart until UP %d ms%n",
                database, sent, acknowledged, acknowledgedAtKill, lost, duplicates, gaps, resets, drops, restart.toMillis());
        assertThat(lost).as("acknowledged messages lost").isZero();
        assertThat(duplicates).as("events shown twice").isZero();
        assertThat(gaps).as("events shown out of order or with a gap").isZero();
        assertThat(resets).as("resets (the server forgot events a client had seen)").isZero();
    }

    private static void awaitAcknowledged(ServerProcess server, List<Chatter> chatters, int total) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(4)); // generous: the machine may be busy
        while (acknowledged(chatters) < total) {
            assertThat(Instant.now()).as("%d acknowledged messages in time (have %d): %s; server %s", total, acknowledged(chatters),
                            chatters.stream().map(Chatter::toString).toList(), server.describe())
                    .isBefore(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** The demo merchant asks for name and email. */
    private static Api demoShopper(int port, int i) {
        Api anonymous = Api.anonymous(port);
        var created = anonymous.post("/api/v1/widget/demo/shoppers", Map.of("screenName", "Chatter " + i,
                "name", "Chatter " + i, "email", "chatter" + i + "@example.test", "consent", true));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return Api.withToken(port, created.body().path("token").asString());
    }

    private static int acknowledged(List<Chatter> chatters) {
        return chatters.stream().mapToInt(c -> c.acknowledged.size()).sum();
    }
}
