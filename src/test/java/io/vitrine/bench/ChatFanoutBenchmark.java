package io.vitrine.bench;

import io.vitrine.reliability.ServerProcess;
import io.vitrine.support.PostgresSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Chat fan-out in rooms of six (an expert, a Host and four Guests who came through the invite link) over real
 * sockets, with Vitrine as a separate process on H2 and on PostgreSQL, and a minimal Node {@code ws} room server as
 * the peer, all driven by the same {@link ChatLoad}. Not a test (its name does not end in Test): run it with
 * {@code ./vitrine bench chat}. It prints its tables and writes them to {@code target/chat-benchmark.md}.
 */
class ChatFanoutBenchmark {

    private static final int ROOMS = Integer.getInteger("bench.rooms", 20);
    private static final List<Integer> STEPS = Arrays.stream(System.getProperty("bench.steps",
            "3000,6000,9000,12000,18000,24000,36000,48000,60000,72000").split(",")).map(Integer::valueOf).toList();
    /**
     * Warm-up before the steps, thrown away: this many steps at this rate (about 7 s each). A JVM compiles its hot
     * paths for a minute or more; measured earlier, the JIT compilers' CPU ends up in the first steps' figures.
     */
    private static final int WARM_UP_STEPS = Integer.getInteger("bench.warmupSteps", 4);
    private static final int WARM_UP_RATE = Integer.getInteger("bench.warmupRate", 12_000);
    /** Which servers to measure: node, h2, pg (all by default). */
    private static final List<String> SERVERS = List.of(System.getProperty("bench.servers", "node,h2,pg").split(","));
    /**
     * Another build's compiled classes (its target/classes), measured in the same run for a before/after comparison
     * on the same machine at the same time: -Dbench.baseline=/path/to/other/target/classes -Dbench.baselineName=abc123.
     */
    private static final String BASELINE = System.getProperty("bench.baseline");
    private static final String BASELINE_NAME = System.getProperty("bench.baselineName", "baseline");
    private static final Duration START_TIMEOUT = Duration.ofMinutes(6);
    /** All clients connect from one address and write fast: no frame budget may hold them back. */
    static final List<String> UNLIMITED_CLIENTS = List.of(
            "--vitrine.realtime.frames-per-second=100000", "--vitrine.realtime.burst=100000",
            "--vitrine.realtime.limits.participant-frames-per-second=100000", "--vitrine.realtime.limits.participant-burst=100000",
            "--vitrine.realtime.limits.address-frames-per-second=1000000", "--vitrine.realtime.limits.address-burst=1000000",
            "--vitrine.realtime.limits.unauthenticated-per-address=100000", "--logging.level.root=WARN");
    /** More server arguments, comma-separated: to compare settings (-Dbench.serverArgs=--server.tomcat.max-connections=20000). */
    private static final List<String> EXTRA_ARGS = System.getProperty("bench.serverArgs", "").isBlank() ? List.of()
            : List.of(System.getProperty("bench.serverArgs").split(","));
    /**
     * The server's JVM options: on H2 the collector and heap that {@code ./vitrine start} gives the embedded default,
     * on PostgreSQL G1 with the pause target of the container image. More, separated by spaces, with
     * -Dbench.serverJvm (a flight recording, say).
     */
    private static final List<String> H2_JVM = serverJvm("-XX:+UseSerialGC", "-Xms64m", "-Xmx1g");
    private static final List<String> PG_JVM = serverJvm("-Xmx1g", "-XX:MaxGCPauseMillis=10");

    private final StringBuilder report = new StringBuilder();

    @Test
    void chatFanout() throws Exception {
        // Kept after the run: the servers' logs and databases, for a look at what went wrong.
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "bench-chat-");
        report.append("Chat fan-out, ").append(LocalDate.now()).append(", ").append(ProcessStats.machine()).append(", ").append(ROOMS).append(" rooms of six, ")
                .append(ChatLoad.TEXT.length()).append("-character messages, ")
                .append(Runtime.getRuntime().availableProcessors()).append(" CPUs, load average ")
                .append(ProcessStats.loadAverage()).append(" at the start; each server warmed up first with ")
                .append(WARM_UP_STEPS).append(String.format(" steps at %,d deliveries/s (thrown away)%n%n", WARM_UP_RATE));
        if (SERVERS.contains("node")) {
            try (var node = new NodeRoomServer()) {
                measure("Node ws room server", node.pid(), node.rooms(ROOMS));
            }
        }
        if (SERVERS.contains("h2")) {
            Files.createDirectories(dir.resolve("h2"));
            vitrine("Vitrine, H2 (embedded default)", dir.resolve("h2"), H2_JVM, UNLIMITED_CLIENTS);
            if (BASELINE != null) {
                Files.createDirectories(dir.resolve("h2-baseline"));
                vitrine("Vitrine before (" + BASELINE_NAME + "), H2", dir.resolve("h2-baseline"), baselineJvm(H2_JVM), UNLIMITED_CLIENTS);
            }
        }
        if (!SERVERS.contains("pg")) {
            write("chat-benchmark.md");
            return;
        }
        try (var postgres = PostgresSchema.create("vitrine_bench_").requireReachable()) {
            List<String> args = new ArrayList<>(UNLIMITED_CLIENTS);
            args.addAll(postgres.serverArguments());
            Files.createDirectories(dir.resolve("pg"));
            vitrine("Vitrine, PostgreSQL", dir.resolve("pg"), PG_JVM, args);
        }
        if (BASELINE != null) {
            try (var postgres = PostgresSchema.create("vitrine_bench_").requireReachable()) {
                List<String> args = new ArrayList<>(UNLIMITED_CLIENTS);
                args.addAll(postgres.serverArguments());
                Files.createDirectories(dir.resolve("pg-baseline"));
                vitrine("Vitrine before (" + BASELINE_NAME + "), PostgreSQL", dir.resolve("pg-baseline"), baselineJvm(PG_JVM), args);
            }
        }
        write("chat-benchmark.md");
    }

    /**
     * Start-up to ready and memory of the embedded default (H2, demo mode, the JVM as {@code ./vitrine start} runs
     * it: {@link #startJvm()}), the server's CPU with no socket open, then
     * {@code bench.idle} (10,000) sockets that said hello and stay idle: heap per session after a full GC, and the
     * server's CPU over two minutes while they idle.
     */
    @Test
    void startUpAndIdleSessions() throws Exception {
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "bench-idle-");
        int sessions = Integer.getInteger("bench.idle", 10_000);
        List<String> args = new ArrayList<>(UNLIMITED_CLIENTS);
        args.addAll(EXTRA_ARGS);
        List<String> jvm = startJvm();
        try (var server = new ServerProcess(dir, jvm, args)) {
            Duration startUp = server.start(START_TIMEOUT);
            double rss = ProcessStats.rssMiB(server.pid());
            double startCpu = ProcessStats.cpuMillis(server.pid());
            report.append("Start-up and idle sessions, ").append(LocalDate.now()).append(", ").append(ProcessStats.machine())
                    .append(", load average ").append(ProcessStats.loadAverage()).append("\n\n")
                    .append("Server JVM: ").append(String.join(" ", jvm)).append("\n\n")
                    .append(String.format("Start-up to ready (/actuator/health UP): %.1f s (server CPU %.1f s); RSS then: %.0f MiB%n%n",
                            startUp.toMillis() / 1000.0, startCpu / 1000, rss));
            shortChat(server);
            long heapBefore = ProcessStats.heapUsedAfterGcKiB(server.pid());
            // Kept beside the server's log: what the sessions added, class by class.
            Files.writeString(dir.resolve("histogram-before.txt"), ProcessStats.classHistogram(server.pid()));
            report.append(String.format("After a short chat (one room of six, %d deliveries/s for %d s): RSS %.0f MiB; heap after a full GC: %,d KiB%n%n",
                    SHORT_CHAT, (ChatLoad.WARM_UP.plus(ChatLoad.MEASURE)).toSeconds(), ProcessStats.rssMiB(server.pid()), heapBefore));
            if (sessions == 0) {
                write("idle-benchmark.md");
                return;
            }
            // What the server spends with no socket open (its scheduled jobs), to tell apart what the sockets cost.
            double quietBefore = ProcessStats.cpuMillis(server.pid());
            Thread.sleep(Duration.ofSeconds(30));
            report.append(String.format("Server CPU with no socket open (30 s): %.1f%% of a core%n%n",
                    (ProcessStats.cpuMillis(server.pid()) - quietBefore) / 300.0));
            try (var idle = new IdleSessions()) {
                long opening = System.nanoTime();
                idle.open(server.port(), sessions);
                double openSeconds = (System.nanoTime() - opening) / 1e9;
                long heapAfter = ProcessStats.heapUsedAfterGcKiB(server.pid());
                Files.writeString(dir.resolve("histogram-after.txt"), ProcessStats.classHistogram(server.pid()));
                // Two minutes one after the other: in the first the JIT compilers still work on what opening the
                // sessions ran; the second is what idle sessions cost once the server has settled.
                double firstMinute = idleCpuShare(server.pid());
                double secondMinute = idleCpuShare(server.pid());
                report.append(String.format("%,d idle sessions (opened in %.0f s): heap %,d KiB → %,d KiB after a full GC, %.1f KiB per session; "
                                + "server CPU while idle: %.1f%% of a core in the first minute, %.1f%% in the second; RSS %.0f MiB; load average %s%n%n",
                        sessions, openSeconds, heapBefore, heapAfter, (heapAfter - heapBefore) / (double) sessions, firstMinute * 100,
                        secondMinute * 100, ProcessStats.rssMiB(server.pid()), ProcessStats.loadAverage()));
            }
        }
        write("idle-benchmark.md");
    }

    /** The server's CPU over the next minute, as a share of one core. */
    private static double idleCpuShare(long pid) throws InterruptedException {
        double before = ProcessStats.cpuMillis(pid);
        Thread.sleep(Duration.ofSeconds(60));
        return (ProcessStats.cpuMillis(pid) - before) / 60_000.0;
    }

    /**
     * The JVM that {@code ./vitrine start} runs: its options (target/run/java.args, written by the script, with the
     * AOT cache when the JDK has one) and its extracted jar. Without them (the benchmark run on its own, or
     * {@code -Dbench.asStart=false}), the test classpath and a heap sized so that memory never limits the sessions.
     */
    private static List<String> startJvm() {
        Path args = Path.of("target", "run", "java.args").toAbsolutePath();
        Path jar = Path.of("target", "run", "vitrine.jar").toAbsolutePath();
        if (Boolean.parseBoolean(System.getProperty("bench.asStart", "true")) && Files.isRegularFile(args) && Files.isRegularFile(jar)) {
            return List.of("@" + args, "-cp", jar.toString());
        }
        return List.of("-Xmx3g");
    }

    /** Deliveries per second of the short chat after start-up: one room of six, each member saying one line a second. */
    private static final int SHORT_CHAT = 36;

    private static void shortChat(ServerProcess server) throws Exception {
        var setup = new VitrineRooms(server.port());
        try (var load = new ChatLoad(setup.create(1))) {
            load.connect();
            load.run(List.of(SHORT_CHAT), () -> (long) ProcessStats.cpuMillis(server.pid()));
        } finally {
            setup.close();
        }
    }

    private static List<String> serverJvm(String... options) {
        return Stream.concat(Arrays.stream(options),
                Arrays.stream(System.getProperty("bench.serverJvm", "").split("\\s+")).filter(a -> !a.isBlank())).toList();
    }

    /** The same JVM options, with the classes of the other build in place of this one's. */
    private static List<String> baselineJvm(List<String> options) {
        String classpath = System.getProperty("java.class.path").replace(Path.of("target", "classes").toAbsolutePath().toString(), BASELINE);
        List<String> jvm = new ArrayList<>(options);
        jvm.addAll(List.of("-cp", classpath));
        return jvm;
    }

    private void vitrine(String name, Path dir, List<String> jvm, List<String> serverArgs) throws Exception {
        List<String> args = new ArrayList<>(serverArgs);
        args.addAll(EXTRA_ARGS);
        try (var server = new ServerProcess(dir, jvm, args)) {
            server.start(START_TIMEOUT);
            var setup = new VitrineRooms(server.port());
            try {
                List<String> options = jvm.contains("-cp") ? jvm.subList(0, jvm.indexOf("-cp")) : jvm;
                measure(name + " (JVM options " + String.join(" ", options) + ")", server.pid(), setup.create(ROOMS));
            } finally {
                setup.close();
            }
        }
    }

    private void measure(String name, long pid, List<Room> rooms) throws Exception {
        System.out.println(name + ":");
        try (var load = new ChatLoad(rooms)) {
            load.connect();
            System.out.printf("  warm-up: %d steps at %,d deliveries/s%n", WARM_UP_STEPS, WARM_UP_RATE);
            load.run(Collections.nCopies(WARM_UP_STEPS, WARM_UP_RATE), () -> (long) ProcessStats.cpuMillis(pid));
            List<ChatLoad.Step> steps = load.run(STEPS, () -> (long) ProcessStats.cpuMillis(pid));
            report.append("### ").append(name).append("\n\n")
                    .append("| offered deliveries/s | delivered/s | p50 | p99 | server CPU per 1,000 deliveries | out of order | load average |\n")
                    .append("|---|---|---|---|---|---|---|\n");
            int best = 0;
            for (ChatLoad.Step s : steps) {
                report.append(String.format("| %,d | %,.0f | %.1f ms | %.1f ms | %.1f ms | %d | %s |%n", s.offered(),
                        s.deliveriesPerSecond(), s.p50Millis(), s.p99Millis(), s.cpuMsPer1000(), s.outOfOrder(), s.load()));
                if (s.holds()) {
                    best = Math.max(best, s.offered());
                }
            }
            report.append(String.format("%nHighest offered load with p99 ≤ 50 ms (and at least 95%% delivered): **%,d deliveries/s**%n%n", best));
        }
    }

    private void write(String file) throws IOException {
        System.out.println(report);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", file), report);
    }
}
