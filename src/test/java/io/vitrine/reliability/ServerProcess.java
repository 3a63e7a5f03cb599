package io.vitrine.reliability;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Vitrine as a separate operating-system process, started from the test JVM's own classpath with the test JVM's
 * own java binary, so it works wherever {@code ./mvnw verify} runs. Its working directory is a folder of the test,
 * so the embedded H2 database lands in that folder's {@code ./data}, exactly as {@code ./vitrine start} does.
 */
public final class ServerProcess implements AutoCloseable {

    /** A JVM killed by SIGKILL reports 128 + 9. */
    public static final int SIGKILL_EXIT = 137;

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Path workDir;
    private final List<String> jvmOptions;
    private final List<String> arguments;
    private final int port;
    private Process process;
    private int starts;

    public ServerProcess(Path workDir, List<String> arguments) {
        this(workDir, List.of("-Xmx384m", "-XX:TieredStopAtLevel=1"), arguments);
    }

    /**
     * With the JVM's own options ({@code -Xmx...}) instead of the small, quick-starting defaults of the tests; a
     * {@code -cp} among them replaces the test JVM's classpath (to run another build of Vitrine).
     */
    public ServerProcess(Path workDir, List<String> jvmOptions, List<String> arguments) {
        this.workDir = workDir;
        this.jvmOptions = jvmOptions;
        this.arguments = arguments;
        this.port = freePort();
    }

    public int port() {
        return port;
    }

    /** The operating system's id of the running server, to read its CPU time and memory from /proc. */
    public long pid() {
        return process.pid();
    }

    /** Starts the server and waits until it reports UP; returns how long that took. */
    public Duration start(Duration timeout) throws IOException, InterruptedException {
        Instant begin = Instant.now();
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvmOptions);
        if (!jvmOptions.contains("-cp")) {
            command.addAll(List.of("-cp", System.getProperty("java.class.path")));
        }
        command.addAll(List.of("io.vitrine.VitrineApplication", "--server.port=" + port));
        command.addAll(arguments);
        starts++;
        Path log = workDir.resolve("server-" + starts + ".log");
        process = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        awaitUp(begin.plus(timeout), log);
        return Duration.between(begin, Instant.now());
    }

    /** Kills the server the hard way (SIGKILL on Linux): no shutdown hook, no flush, no close. */
    public int kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new AssertionError("The server did not die within 60 s of SIGKILL");
        }
        return process.exitValue();
    }

    /** Stops the server the way an operator does (SIGTERM): shutdown hooks run; returns its exit status. */
    public int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new AssertionError("The server did not stop within 60 s of SIGTERM");
        }
        return process.exitValue();
    }

    /** What the server's current (or last) run has logged so far. */
    public String log() throws IOException {
        return Files.readString(workDir.resolve("server-" + starts + ".log"));
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    /** Whether it runs, and the end of its log: for failure messages. */
    String describe() throws IOException {
        return (process.isAlive() ? "running" : "exited with " + process.exitValue()) + ":\n"
                + tail(workDir.resolve("server-" + starts + ".log"));
    }

    private void awaitUp(Instant deadline, Path log) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(5)).build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("The server exited with " + process.exitValue() + ":\n" + tail(log));
            }
            try {
                HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            process.waitFor(200, TimeUnit.MILLISECONDS);
        }
        throw new AssertionError("The server was not UP in time:\n" + tail(log));
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
