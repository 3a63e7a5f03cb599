package io.vitrine.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.support.Api;
import io.vitrine.support.PostgresSchema;
import io.vitrine.support.Socket;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A module event whose transaction committed is acted on even when the server is killed before its listener ran:
 * the publication was stored with the change, and the next start runs the listener.
 */
@Tag("reliability")
class EventPublicationRestartReliabilityTest {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String H2_FILE = "--spring.datasource.url=jdbc:h2:file:./data/vitrine;MODE=PostgreSQL;"
            + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=FALSE;WRITE_DELAY=0";

    @Test
    void aListenerInterruptedBySigkillRunsAfterTheRestartOnTheEmbeddedH2(@TempDir Path dir) throws Exception {
        killBeforeTheListenerAndRestart(dir, List.of(H2_FILE), () -> true);
    }

    @Test
    void aListenerInterruptedBySigkillRunsAfterTheRestartOnPostgres(@TempDir Path dir) throws Exception {
        try (var postgres = PostgresSchema.create("vitrine_evt_").requireReachable()) {
            killBeforeTheListenerAndRestart(dir, postgres.serverArguments(), () -> {
                try {
                    return postgres.count("event_publication") == 0;
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    /** {@code registryEmpty} tells, where the test can look, whether no publication is left over. */
    private void killBeforeTheListenerAndRestart(Path dir, List<String> database, BooleanSupplier registryEmpty)
            throws Exception {
        Path signals = Files.createDirectories(dir.resolve("signals"));
        List<String> args = new ArrayList<>(database);
        args.addAll(List.of("--vitrine.demo=true", "--vitrine.test.held-listener=" + signals));
        try (var server = new ServerProcess(dir, args)) {
            server.start(START_TIMEOUT);
            Api anna = Api.staff(server.port(), "anna@demo.test", "demo-expert");
            String annaId = anna.get("/api/v1/me").body().path("member").path("id").asString();
            try (Socket console = Socket.connect(anna)) {
                console.awaitType("welcome");
                assertThat(anna.put("/api/v1/me/presence", Map.of("status", "ONLINE")).status()).isEqualTo(200);
                await(() -> read(signals.resolve("holding")).contains(annaId), "the listener to hold Anna's change", server);
            }
            assertThat(server.kill()).isEqualTo(ServerProcess.SIGKILL_EXIT);
            assertThat(read(signals.resolve("effects"))).as("nothing acted on before the kill").isEmpty();

            Files.createFile(signals.resolve("release"));
            server.start(START_TIMEOUT);
            await(() -> read(signals.resolve("effects")).contains(annaId + " ONLINE"),
                    "the change committed before the kill to be acted on after the restart", server);
            await(registryEmpty, "finished publications to be deleted from event_publication", server);
        }
    }

    private static void await(BooleanSupplier condition, String what, ServerProcess server) throws Exception {
        Instant deadline = Instant.now().plus(WAIT);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Waited " + WAIT.toSeconds() + " s for " + what + "; server " + server.describe());
            }
            Thread.sleep(100);
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
