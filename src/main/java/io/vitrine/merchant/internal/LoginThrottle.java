package io.vitrine.merchant.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: after a few failed logins of an account, and separately of a client address, each
 * further attempt has to wait a delay that doubles with every failure. The account's delay is capped low, so
 * someone guessing cannot lock the real member out for long; the address's cap is higher, as it only hurts the
 * guesser. Kept in memory, per node.
 */
@Component
class LoginThrottle {

    private static final int MAX_TRACKED = 50_000;

    private final Map<String, Failures> accounts = new ConcurrentHashMap<>();
    private final Map<String, Failures> addresses = new ConcurrentHashMap<>();
    private final MerchantProperties.Login settings;
    private final Clock clock;

    LoginThrottle(MerchantProperties properties, Clock clock) {
        this.settings = properties.login();
        this.clock = clock;
    }

    /** How long the attempt must wait, if it must. */
    Optional<Duration> waitFor(String account, String address) {
        Instant now = Instant.now(clock);
        Duration forAccount = wait(accounts.get(key(account)), settings.accountFreeFailures(), settings.accountMaxDelay(), now);
        Duration forAddress = wait(addresses.get(address), settings.addressFreeFailures(), settings.addressMaxDelay(), now);
        Duration longer = forAccount.compareTo(forAddress) >= 0 ? forAccount : forAddress;
        return longer.isPositive() ? Optional.of(longer) : Optional.empty();
    }

    /** Records a failed attempt; returns the delay the next attempt of this account or address has to wait. */
    Duration failed(String account, String address) {
        Instant now = Instant.now(clock);
        record(accounts, settings.accountFreeFailures(), key(account), now);
        record(addresses, settings.addressFreeFailures(), address, now);
        return waitFor(account, address).orElse(Duration.ZERO);
    }

    /** The member knew the password: the account starts afresh (the address does not, or one own account would
     * let a guesser wipe out the address's record). */
    void succeeded(String account) {
        accounts.remove(key(account));
    }

    void clear() {
        accounts.clear();
        addresses.clear();
    }

    private void record(Map<String, Failures> failures, int free, String key, Instant now) {
        if (failures.size() >= MAX_TRACKED) {
            // Bounded memory under a flood of made-up names or addresses: drop first what is forgotten anyway, then
            // records that impose no delay yet.
            failures.values().removeIf(f -> forgotten(f, now));
            if (failures.size() >= MAX_TRACKED) {
                failures.values().removeIf(f -> f.count() <= free);
            }
        }
        failures.compute(key, (k, f) -> f == null || forgotten(f, now) ? new Failures(1, now) : new Failures(f.count() + 1, now));
    }

    private Duration wait(Failures failures, int free, Duration cap, Instant now) {
        if (failures == null || failures.count() <= free || forgotten(failures, now)) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures.count() - free - 1, 30);
        Duration delay = Duration.ofSeconds(1L << doublings);
        delay = delay.compareTo(cap) > 0 ? cap : delay;
        return Duration.between(now, failures.last().plus(delay));
    }

    private boolean forgotten(Failures failures, Instant now) {
        return failures.last().plus(settings.forgetAfter()).isBefore(now);
    }

    private static String key(String account) {
        String normalized = account == null ? "" : account.strip().toLowerCase(Locale.ROOT);
        return normalized.length() > 254 ? normalized.substring(0, 254) : normalized;
    }

    private record Failures(int count, Instant last) {}
}
