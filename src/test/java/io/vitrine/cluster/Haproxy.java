package io.vitrine.cluster;

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
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's HAProxy in a process of its own, running {@code deploy/haproxy.cfg} (the file the Compose setup uses) in
 * front of two nodes on loopback.
 */
final class Haproxy implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/sbin/haproxy");
    static final Path CONFIG = Path.of("deploy/haproxy.cfg").toAbsolutePath();

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final int port = freePort();
    private final Path log;
    private final Process process;

    private Haproxy(Path workDir, List<Integer> nodePorts) throws IOException {
        log = workDir.resolve("haproxy.log");
        var builder = new ProcessBuilder(BINARY.toString(), "-db", "-f", CONFIG.toString())
                .directory(workDir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("VITRINE_PROXY_BIND", "127.0.0.1:" + port);
        builder.environment().put("VITRINE_NODE1", "127.0.0.1:" + nodePorts.get(0));
        builder.environment().put("VITRINE_NODE2", "127.0.0.1:" + nodePorts.get(1));
        process = builder.start();
    }

    /** Skips the test, saying why, when Debian's haproxy package is not installed. */
    static void requireInstalled() {
        if (!Files.isExecutable(BINARY)) {
            String reason = "HAProxy is not installed at " + BINARY + " (apt-get install -y haproxy); skipping";
            System.out.println(reason);
            Assumptions.abort(reason);
        }
    }

    /** Starts the proxy and waits until it passes requests to a healthy node. */
    static Haproxy start(Path workDir, List<Integer> nodePorts, Duration timeout) throws Exception {
        Haproxy proxy = new Haproxy(workDir, nodePorts);
        proxy.awaitServing(Instant.now().plus(timeout));
        return proxy;
    }

    int port() {
        return port;
    }

    private void awaitServing(Instant deadline) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(5)).build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("HAProxy exited with " + process.exitValue() + ":\n" + Files.readString(log));
            }
            try {
                if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet, or no node marked up yet.
            }
            process.waitFor(100, TimeUnit.MILLISECONDS);
        }
        throw new AssertionError("HAProxy did not serve in time:\n" + Files.readString(log));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
