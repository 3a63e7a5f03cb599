package io.vitrine.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.support.Api;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application as {@code ./vitrine start} runs it: processed ahead of time by Spring (what
 * {@code spring-boot:process-aot} does in the build's {@code aot} profile: the bean definitions of the packaged
 * defaults, generated as code and compiled) and started as a process of its own with
 * {@code -Dspring.aot.enabled=true}. It comes up and serves the demo; the settings Vitrine decides at start (demo
 * mode, cluster mode, inbound mail) still take effect; a setting one of Spring Boot's conditions reads makes the start
 * the ordinary one.
 */
@Tag("reliability")
class AheadOfTimeStartReliabilityTest {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final String PREPARED = "Starting AOT-processed VitrineApplication";
    private static final String FREE_SMTP_PORT = "--vitrine.contacts.smtp.port=0";

    @Test
    void thePreparedApplicationStartsAndStillTakesItsSettingsAtStart(@TempDir Path dir) throws Exception {
        List<String> jvm = List.of("-Xmx384m", "-XX:TieredStopAtLevel=1", "-Dspring.aot.enabled=true",
                "-cp", processedAheadOfTime(dir.resolve("aot")));

        // The packaged defaults (demo mode, one node, the SMTP listener: on a free port, as other tests may run).
        try (var server = new ServerProcess(folder(dir, "defaults"), jvm, List.of(FREE_SMTP_PORT))) {
            server.start(START_TIMEOUT);
            assertThat(server.log()).contains(PREPARED).contains("Contacts: receiving replies by SMTP");
            Api.staff(server.port(), "admin@demo.test", "demo-admin");
            Api visitor = Api.anonymous(server.port());
            assertThat(visitor.get("/demo").status()).as("the demo shop").isEqualTo(200);
            assertThat(visitor.get("/widget/demo").raw()).as("the demo merchant's widget").contains("demo");
            var shopper = visitor.post("/api/v1/widget/demo/shoppers", Map.of("screenName", "Sam", "name", "Sam Shopper",
                    "email", "sam@example.com", "consent", true));
            assertThat(shopper.status()).as(shopper.raw()).isEqualTo(201);
        }

        List<String> production = new ArrayList<>(List.of("--vitrine.demo=false", "--vitrine.contacts.inbound=none"));
        boolean nats = natsReachable();
        if (nats) {
            production.addAll(List.of("--vitrine.cluster.mode=nats", "--vitrine.cluster.nats-url=nats://127.0.0.1:4222"));
        }
        try (var server = new ServerProcess(folder(dir, "production"), jvm, production)) {
            server.start(START_TIMEOUT);
            assertThat(server.log()).contains(PREPARED).doesNotContain("Contacts: receiving replies by SMTP");
            if (nats) {
                assertThat(server.log()).contains("Connected to NATS");
            }
            Api visitor = Api.anonymous(server.port());
            assertThat(visitor.get("/demo").status()).as("the demo shop, demo mode off").isEqualTo(404);
            assertThat(visitor.get("/widget/demo").status()).as("the demo merchant, not seeded").isEqualTo(404);
        }

        try (var server = new ServerProcess(folder(dir, "ordinary"), jvm,
                List.of(FREE_SMTP_PORT, "--management.endpoints.web.exposure.include=health,info,prometheus"))) {
            server.start(START_TIMEOUT);
            assertThat(server.log()).doesNotContain(PREPARED).contains("Starting without the context prepared at build"
                    + " time: management.endpoints.web.exposure.include (commandLineArgs)");
        }
    }

    /**
     * Runs Spring's AOT processing of the application in a JVM of its own, on the application's class path (this
     * JVM's, without the test classes), and compiles the code it generates; returns the processed class path.
     */
    private static String processedAheadOfTime(Path out) throws Exception {
        String application = Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes")).reduce((a, b) -> a + java.io.File.pathSeparator + b)
                .orElseThrow();
        Path sources = out.resolve("sources");
        Path resources = out.resolve("resources");
        Path classes = Files.createDirectories(out.resolve("classes"));
        Path log = out.resolve("processing.log");
        var processing = new ProcessBuilder(java(), "-cp", application,
                "org.springframework.boot.SpringApplicationAotProcessor", "io.vitrine.VitrineApplication",
                sources.toString(), resources.toString(), classes.toString(), "io.vitrine", "vitrine")
                .directory(out.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        // The processing sees the packaged defaults only, as in the build.
        processing.environment().keySet()
                .removeIf(name -> name.toUpperCase(Locale.ROOT).matches("(SPRING|MANAGEMENT|SERVER).*"));
        Process process = processing.start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("AOT processing finished in time").isTrue();
        assertThat(process.exitValue()).as("AOT processing:\n" + Files.readString(log)).isZero();

        List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "-proc:none",
                "-cp", application + java.io.File.pathSeparator + classes));
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> arguments.add(f.toString()));
        }
        var errors = new ByteArrayOutputStream();
        int compiled = ToolProvider.getSystemJavaCompiler().run(null, null, new PrintStream(errors),
                arguments.toArray(String[]::new));
        assertThat(compiled).as("compiling the generated code:\n" + errors).isZero();
        return String.join(java.io.File.pathSeparator, classes.toString(), resources.toString(), application);
    }

    private static String java() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static Path folder(Path dir, String name) throws IOException {
        return Files.createDirectories(dir.resolve(name));
    }

    private static boolean natsReachable() {
        try (var probe = new Socket()) {
            probe.connect(new InetSocketAddress("127.0.0.1", 4222), 2000);
            return true;
        } catch (IOException e) {
            System.out.println("No NATS at 127.0.0.1:4222: the prepared start is checked in single mode only");
            return false;
        }
    }
}
