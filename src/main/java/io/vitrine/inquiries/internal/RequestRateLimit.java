package io.vitrine.inquiries.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * At most {@code vitrine.inquiries.rate-limit} requests from one address to one merchant per
 * {@code vitrine.inquiries.rate-window}: a sliding window per node, in memory (a cluster of n nodes lets through at most
 * n times as many, still few).
 */
@Component
class RequestRateLimit {

    private static final int MAX_KEYS = 100_000;

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();

    RequestRateLimit(@Value("${vitrine.inquiries.rate-limit:5}") int limit,
            @Value("${vitrine.inquiries.rate-window:10m}") Duration window, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /** Counts one request of the address to the merchant, or refuses it when the window is full. */
    void acquire(String address, String merchant) {
        Instant now = Instant.now(clock);
        if (recent.size() > MAX_KEYS) {
            recent.values().removeIf(times -> { synchronized (times) { return expire(times, now).isEmpty(); } });
        }
        Deque<Instant> times = recent.computeIfAbsent(address + " " + merchant, key -> new ArrayDeque<>());
        synchronized (times) {
            expire(times, now);
            if (times.size() >= limit) {
                throw new InquiryService.RateLimited(Duration.between(now, times.peekFirst().plus(window)));
            }
            times.addLast(now);
        }
    }

    private Deque<Instant> expire(Deque<Instant> times, Instant now) {
        while (!times.isEmpty() && !times.peekFirst().plus(window).isAfter(now)) {
            times.removeFirst();
        }
        return times;
    }
}
