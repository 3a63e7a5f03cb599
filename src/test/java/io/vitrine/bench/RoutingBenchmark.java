package io.vitrine.bench;

import io.vitrine.merchant.MerchantSettings;
import io.vitrine.support.Api;
import io.vitrine.support.IntegrationTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Request → offer latency: shoppers of {@code bench.merchants} (50) merchants ask for an expert over HTTP at a fixed
 * total rate spread evenly over the merchants; the clock runs from the start of the shopper's {@code POST
 * /api/v1/widget/me/dialogs} to the arrival, at an expert console's socket, of the first {@code staffQueue} frame
 * that shows the request offered to someone. Each shopper ends its request once the offer is seen, so the queues stay
 * short and every step measures the same work. The platform runs in this JVM (H2 in memory, like the integration
 * tests), the load generator beside it. Not a test (its name does not end in Test): {@code ./vitrine bench routing}.
 * Writes {@code target/routing-benchmark.md}.
 */
@TestPropertySource(properties = {
        "vitrine.routing.offer-timeout=30s",
        "vitrine.routing.tick-interval=1s",
        "vitrine.presence.grace=60s",
        // The production pace of the staff heartbeat and the presence sweep, not the integration tests' 300 ms.
        "vitrine.presence.heartbeat-interval=10s",
        "vitrine.presence.sweep-interval=5s",
        "logging.level.root=WARN"
})
class RoutingBenchmark extends IntegrationTest {

    private static final int MERCHANTS = Integer.getInteger("bench.merchants", 50);
    private static final int EXPERTS = Integer.getInteger("bench.experts", 2);
    private static final int SHOPPERS = Integer.getInteger("bench.shoppers", 100);
    private static final List<Integer> RATES = Arrays.stream(System.getProperty("bench.rates", "10,100,1000").split(","))
            .map(Integer::valueOf).toList();
    private static final Duration STEP = Duration.ofSeconds(Long.getLong("bench.seconds", 10));
    private static final Duration OFFER_WAIT = Duration.ofSeconds(30);

    /** When each dialog was first shown offered at a console (System.nanoTime()). */
    private final Map<String, CompletableFuture<Long>> offers = new ConcurrentHashMap<>();
    private final List<BenchSocket> consoles = Collections.synchronizedList(new ArrayList<>());
    private final HttpClient socketClient = HttpClient.newHttpClient();
    private final HttpClient httpClient = HttpClient.newHttpClient();
    private final StringBuilder report = new StringBuilder();

    @AfterEach
    void closeSockets() {
        consoles.forEach(BenchSocket::abort);
        socketClient.close();
        httpClient.close();
    }

    @Test
    void requestToOffer() throws Exception {
        long pid = ProcessHandle.current().pid();
        report.append("Routing: request → offer, ").append(LocalDate.now()).append(", ").append(ProcessStats.machine())
                .append(", ").append(MERCHANTS).append(" merchants with ").append(EXPERTS)
                .append(" experts each, load average ").append(ProcessStats.loadAverage()).append(" at the start\n\n");
        List<LinkedBlockingQueue<String>> shoppers = new ArrayList<>();
        for (int m = 0; m < MERCHANTS; m++) {
            shoppers.add(merchant(m));
        }
        System.out.println("  set up " + MERCHANTS + " merchants; warm-up");
        step(shoppers, 100, Duration.ofSeconds(5), pid);
        report.append("| requests/s | requests | offered | p50 | p99 | max | HTTP answer p50 / p99 | JVM CPU (server and generator) | load average |\n")
                .append("|---|---|---|---|---|---|---|---|---|\n");
        for (int rate : RATES) {
            report.append(step(shoppers, rate, STEP, pid)).append('\n');
        }
        System.out.println(report);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "routing-benchmark.md"), report);
    }

    /** A merchant whose experts each have a console open (listened to) and are Online; returns its shoppers. */
    private LinkedBlockingQueue<String> merchant(int index) throws InterruptedException {
        MerchantSettings d = MerchantSettings.defaults();
        String[] experts = new String[EXPERTS];
        for (int e = 0; e < EXPERTS; e++) {
            experts[e] = "expert" + e;
        }
        Shop shop = shop(new MerchantSettings(d.buttonColor(), d.buttonPosition(), d.buttonLabel(), false,
                d.personalDataFields(), null, d.routingFallbackSeconds(), 20, d.coopShopping(), d.abandonedByExpert(), null), experts);
        for (String expert : experts) {
            Api api = shop.staff(expert);
            BenchSocket console = BenchSocket.open(socketClient, URI.create("ws://localhost:" + port + "/ws"), api.cookieHeader());
            console.await("\"welcome\"", Duration.ofSeconds(60));
            console.onFrames(this::staffFrame);
            consoles.add(console);
            var online = api.put("/api/v1/me/presence", Map.of("status", "ONLINE"));
            if (online.status() != 200) {
                throw new IllegalStateException("Going online failed: " + online.raw());
            }
        }
        var pool = new LinkedBlockingQueue<String>();
        try (var creating = Executors.newFixedThreadPool(4, Thread.ofVirtual().factory())) {
            for (int s = 0; s < SHOPPERS; s++) {
                String name = "Shopper " + s;
                creating.submit(() -> {
                    var created = http("POST", "/api/v1/widget/" + shop.slug() + "/shoppers", null,
                            Api.JSON.writeValueAsString(Map.of("screenName", name, "consent", true)));
                    if (created.statusCode() != 201) {
                        throw new IllegalStateException("Creating a shopper failed: " + created.body());
                    }
                    pool.add(Api.JSON.readTree(created.body()).path("token").asString());
                    return null;
                });
            }
        }
        if (pool.size() != SHOPPERS) {
            throw new IllegalStateException("Created " + pool.size() + " of " + SHOPPERS + " shoppers");
        }
        return pool;
    }

    /** On the console's reader thread: notes the first time each waiting dialog is shown offered. */
    private void staffFrame(String frame) {
        long now = System.nanoTime();
        if (!frame.contains("\"staffQueue\"") || !frame.contains("\"offeredTo\":\"")) {
            return; // parsed only when some request in it is offered: the generator should cost little beside the server
        }
        for (JsonNode waiting : Api.JSON.readTree(frame).path("waiting")) {
            if (!waiting.path("offeredTo").isNull() && !waiting.path("offeredTo").isMissingNode()) {
                offers.computeIfAbsent(waiting.path("dialogId").asString(), id -> new CompletableFuture<>()).complete(now);
            }
        }
    }

    /** Requests at {@code rate} per second for {@code length}, round robin over the merchants; one table row. */
    private String step(List<LinkedBlockingQueue<String>> shoppers, int rate, Duration length, long pid) throws InterruptedException {
        var latencies = new ConcurrentLinkedQueue<Long>();
        var answers = new ConcurrentLinkedQueue<Long>();
        var failures = new ConcurrentLinkedQueue<String>();
        AtomicLong noShopper = new AtomicLong();
        int count = (int) (rate * length.toMillis() / 1000);
        double cpuBefore = ProcessStats.cpuMillis(pid);
        String loadBefore = ProcessStats.loadAverage();
        List<Thread> requests = new ArrayList<>(count);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long due = start + (long) (i * 1e9 / rate);
            LockSupport.parkNanos(due - System.nanoTime());
            LinkedBlockingQueue<String> pool = shoppers.get(i % shoppers.size());
            String shopper = pool.poll();
            if (shopper == null) {
                noShopper.incrementAndGet();
                continue;
            }
            requests.add(Thread.startVirtualThread(() -> {
                try {
                    request(shopper, latencies, answers);
                } catch (Exception e) {
                    failures.add(e.getMessage());
                } finally {
                    pool.add(shopper);
                }
            }));
        }
        for (Thread request : requests) {
            request.join();
        }
        double cpu = ProcessStats.cpuMillis(pid) - cpuBefore;
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Long> sorted = latencies.stream().sorted().toList();
        List<Long> http = answers.stream().sorted().toList();
        String row = String.format("| %,d | %,d | %,d | %.1f ms | %.1f ms | %.1f ms | %.1f / %.1f ms | %.0f%% of a core | %s → %s |",
                rate, count, sorted.size(), millis(sorted, 0.50), millis(sorted, 0.99), millis(sorted, 1.0),
                millis(http, 0.50), millis(http, 0.99), cpu / seconds / 10, loadBefore, ProcessStats.loadAverage());
        System.out.println("  " + row + (noShopper.get() > 0 ? " (no free shopper: " + noShopper.get() + ")" : "")
                + (failures.isEmpty() ? "" : " failures " + failures.size() + ", e.g. " + failures.peek()));
        if (!failures.isEmpty() || noShopper.get() > 0) {
            row += String.format(" %d failed, %d skipped (no free shopper)", failures.size(), noShopper.get());
        }
        return row;
    }

    /** One shopper's request, timed until a console shows it offered; then the shopper ends it. */
    private void request(String shopper, ConcurrentLinkedQueue<Long> latencies, ConcurrentLinkedQueue<Long> answers)
            throws Exception {
        long begin = System.nanoTime();
        var requested = http("POST", "/api/v1/widget/me/dialogs", shopper, "{}");
        answers.add(System.nanoTime() - begin);
        if (requested.statusCode() != 201) {
            throw new IllegalStateException("Request refused: " + requested.body());
        }
        String id = Api.JSON.readTree(requested.body()).path("id").asString();
        try {
            long offered = offers.computeIfAbsent(id, key -> new CompletableFuture<>())
                    .get(OFFER_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            latencies.add(offered - begin);
        } catch (TimeoutException e) {
            throw new IllegalStateException("No offer of " + id + " within " + OFFER_WAIT);
        } finally {
            offers.remove(id);
            var ended = http("POST", "/api/v1/widget/me/dialogs/" + id + "/end", shopper, "");
            if (ended.statusCode() != 200) {
                throw new IllegalStateException("Ending failed: " + ended.body());
            }
        }
    }

    /** All shoppers share one HTTP client (one per shopper would mean a thousand selector threads). */
    private HttpResponse<String> http(String method, String path, String token, String body) {
        var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").header("Accept", "application/json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        try {
            return httpClient.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static double millis(List<Long> sortedNanos, double quantile) {
        if (sortedNanos.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(quantile * sortedNanos.size()) - 1;
        return sortedNanos.get(Math.max(0, Math.min(index, sortedNanos.size() - 1))) / 1e6;
    }
}
