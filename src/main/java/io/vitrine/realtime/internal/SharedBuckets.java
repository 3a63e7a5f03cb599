package io.vitrine.realtime.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets shared by every socket of one key (a participant, an address), so opening more sockets buys no
 * more frames. Buckets that filled up again are forgotten now and then.
 */
final class SharedBuckets {

    private static final long SWEEP_EVERY_NANOS = 30_000_000_000L;

    private final int ratePerSecond;
    private final int burst;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private volatile long lastSweep = System.nanoTime();

    SharedBuckets(int ratePerSecond, int burst) {
        this.ratePerSecond = ratePerSecond;
        this.burst = burst;
    }

    boolean tryTake(String key, long nowNanos) {
        sweepIfDue(nowNanos);
        return buckets.computeIfAbsent(key, k -> new TokenBucket(ratePerSecond, burst, nowNanos)).tryTake(nowNanos);
    }

    private void sweepIfDue(long nowNanos) {
        if (nowNanos - lastSweep > SWEEP_EVERY_NANOS) {
            lastSweep = nowNanos;
            buckets.values().removeIf(bucket -> bucket.idleSince(nowNanos));
        }
    }
}
