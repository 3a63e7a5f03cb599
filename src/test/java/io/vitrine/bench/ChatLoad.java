package io.vitrine.bench;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * The load generator: every member of every room sends chat at a fixed rate, every member receives every message
 * of its room (its own too), and each delivery is timed from the moment its sender handed it to the socket. The
 * offered load rises step by step; each step reports deliveries per second, latency p50/p99, the server's CPU per
 * 1,000 deliveries and how many events reached a member out of sequence order.
 */
final class ChatLoad implements AutoCloseable {

    /** Message text of every say: 100 characters, about a sentence of chat. */
    static final String TEXT = "x".repeat(100);
    static final Duration WARM_UP = Duration.ofSeconds(2);
    static final Duration MEASURE = Duration.ofSeconds(5);
    static final long P99_LIMIT_MICROS = 50_000;

    record Step(int offered, double deliveriesPerSecond, double p50Millis, double p99Millis, double cpuMsPer1000,
            long outOfOrder, String load) {

        boolean holds() {
            return p99Millis * 1000 <= P99_LIMIT_MICROS && deliveriesPerSecond >= offered * 0.95;
        }
    }

    private static final int BUCKET_MICROS = 50;
    private static final int BUCKETS = 200_000;

    private final List<Room> rooms;
    private final List<BenchSocket> sockets = new ArrayList<>();
    private final List<Room.Member> members = new ArrayList<>();
    private final List<HttpClient> clients = List.of(HttpClient.newHttpClient(), HttpClient.newHttpClient());
    private final AtomicLongArray histogram = new AtomicLongArray(BUCKETS);
    private final AtomicLong recorded = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong outOfOrder = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private volatile boolean recording;

    ChatLoad(List<Room> rooms) {
        this.rooms = rooms;
    }

    /** Opens every member's socket and waits until each has joined its room. */
    void connect() throws InterruptedException {
        for (Room room : rooms) {
            for (Room.Member member : room.members()) {
                BenchSocket socket = BenchSocket.open(clients.get(sockets.size() % clients.size()), member.uri(), member.cookie());
                for (Room.Handshake step : member.handshake()) {
                    if (step.frame() != null) {
                        socket.send(step.frame());
                    }
                    socket.await(step.awaitMarker(), Duration.ofSeconds(60));
                }
                long[] lastSeq = {-1};
                socket.onFrames(frame -> receive(frame, lastSeq));
                sockets.add(socket);
                members.add(member);
            }
        }
    }

    /** Runs the steps until two in a row deliver less than 80% of what was offered; {@code cpu} reads the server's CPU ms. */
    List<Step> run(List<Integer> offeredSteps, LongSupplier cpu) throws InterruptedException {
        List<Step> results = new ArrayList<>();
        int misses = 0;
        for (int offered : offeredSteps) {
            Step step = step(offered, cpu);
            System.out.printf("  offered %6d/s: %8.0f deliveries/s, p50 %6.1f ms, p99 %7.1f ms, CPU %5.1f ms/1000, out of order %d, load %s%n",
                    step.offered(), step.deliveriesPerSecond(), step.p50Millis(), step.p99Millis(), step.cpuMsPer1000(),
                    step.outOfOrder(), step.load());
            results.add(step);
            misses = step.deliveriesPerSecond() >= step.offered() * 0.8 ? 0 : misses + 1;
            if (misses == 2) {
                break;
            }
        }
        return results;
    }

    private Step step(int offered, LongSupplier cpu) throws InterruptedException {
        // Every message reaches all members of its room: offered deliveries = senders x rate x room size.
        double perMember = offered / (double) (members.size() * rooms.getFirst().members().size());
        long period = (long) (1_000_000_000L / perMember);
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> senders = new ArrayList<>();
        for (int i = 0; i < sockets.size(); i++) {
            int index = i;
            senders.add(Thread.ofVirtual().start(() -> send(index, period, stop)));
        }
        Thread.sleep(WARM_UP);
        for (int i = 0; i < BUCKETS; i++) {
            histogram.set(i, 0);
        }
        recorded.set(0);
        outOfOrder.set(0);
        long cpuBefore = cpu.getAsLong();
        long start = System.nanoTime();
        recording = true;
        Thread.sleep(MEASURE);
        recording = false;
        long elapsed = System.nanoTime() - start;
        long cpuUsed = cpu.getAsLong() - cpuBefore;
        String load = ProcessStats.loadAverage();
        stop.set(true);
        for (Thread sender : senders) {
            sender.join();
        }
        drain();
        long count = recorded.get();
        return new Step(offered, count * 1e9 / elapsed, percentile(0.50, count), percentile(0.99, count),
                count == 0 ? 0 : cpuUsed * 1000.0 / count, outOfOrder.get(), load);
    }

    private void send(int index, long period, AtomicBoolean stop) {
        BenchSocket socket = sockets.get(index);
        String prefix = members.get(index).sayPrefix();
        long next = System.nanoTime() + ThreadLocalRandom.current().nextLong(period);
        long counter = 0;
        while (!stop.get()) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
                continue;
            }
            long now = System.nanoTime();
            socket.send(prefix + TEXT + "\",\"clientRef\":\"" + index + "-" + (++counter) + "-" + now + "\"}");
            sent.incrementAndGet();
            next += period;
        }
    }

    /** Waits (up to 20 s) until every message sent so far has reached all members of its room. */
    private void drain() throws InterruptedException {
        long expected = sent.get() * rooms.getFirst().members().size();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (received.get() < expected && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    private void receive(String frame, long[] lastSeq) {
        if (frame.startsWith("{\"type\":\"error\"")) {
            if (errors.getAndIncrement() < 3) {
                System.out.println("  refused: " + frame);
            }
            return;
        }
        int ref = frame.indexOf("\"clientRef\":\"");
        if (ref < 0 || !frame.startsWith("{\"type\":\"event\"")) {
            return;
        }
        long now = System.nanoTime();
        int end = frame.indexOf('"', ref + 13);
        String clientRef = frame.substring(ref + 13, end);
        int dash = clientRef.lastIndexOf('-');
        if (dash < 0 || clientRef.indexOf('-') == dash) {
            return; // not one of the generator's messages
        }
        long sentAt = Long.parseLong(clientRef.substring(dash + 1));
        long seq = seqOf(frame);
        synchronized (lastSeq) {
            if (seq <= lastSeq[0]) {
                outOfOrder.incrementAndGet();
            }
            lastSeq[0] = Math.max(lastSeq[0], seq);
        }
        received.incrementAndGet();
        if (recording) {
            long micros = (now - sentAt) / 1000;
            histogram.incrementAndGet((int) Math.min(BUCKETS - 1, micros / BUCKET_MICROS));
            recorded.incrementAndGet();
        }
    }

    private static long seqOf(String frame) {
        int at = frame.indexOf("\"seq\":");
        if (at < 0) {
            return 0;
        }
        int i = at + 6;
        long seq = 0;
        while (i < frame.length() && Character.isDigit(frame.charAt(i))) {
            seq = seq * 10 + (frame.charAt(i++) - '0');
        }
        return seq;
    }

    private double percentile(double p, long count) {
        if (count == 0) {
            return Double.NaN;
        }
        long rank = (long) Math.ceil(p * count);
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += histogram.get(i);
            if (seen >= rank) {
                return (i + 1) * BUCKET_MICROS / 1000.0;
            }
        }
        return BUCKETS * BUCKET_MICROS / 1000.0;
    }

    @Override
    public void close() {
        sockets.forEach(BenchSocket::abort);
        clients.forEach(HttpClient::close);
    }
}
