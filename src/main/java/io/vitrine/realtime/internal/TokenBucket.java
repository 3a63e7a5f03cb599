package io.vitrine.realtime.internal;

/** Allows {@code ratePerSecond} frames on average with bursts up to {@code burst}. */
final class TokenBucket {

    private final double ratePerNano;
    private final double burst;
    private double tokens;
    private long lastRefill;

    TokenBucket(int ratePerSecond, int burst, long nowNanos) {
        this.ratePerNano = ratePerSecond / 1e9;
        this.burst = burst;
        this.tokens = burst;
        this.lastRefill = nowNanos;
    }

    synchronized boolean tryTake(long nowNanos) {
        tokens = Math.min(burst, tokens + (nowNanos - lastRefill) * ratePerNano);
        lastRefill = nowNanos;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }

    /** True when the bucket has been left alone long enough to be full again, so it can be forgotten. */
    synchronized boolean idleSince(long nowNanos) {
        return tokens + (nowNanos - lastRefill) * ratePerNano >= burst;
    }
}
