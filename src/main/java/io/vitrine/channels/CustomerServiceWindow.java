package io.vitrine.channels;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * WhatsApp's customer-service window: for 24 hours after the shopper's last inbound message a business may send
 * anything; outside it only approved templates (the Cloud API refuses the rest with error 131047). A pure policy:
 * the caller passes the time of the last inbound message (null: never wrote) and now.
 */
public record CustomerServiceWindow(@Nullable Instant lastInboundAt) {

    public static final Duration LENGTH = Duration.ofHours(24);

    /** When the window closes (or closed); empty when the shopper never wrote. */
    public Optional<Instant> closesAt() {
        return Optional.ofNullable(lastInboundAt).map(at -> at.plus(LENGTH));
    }

    public boolean isOpen(Instant now) {
        return closesAt().map(now::isBefore).orElse(false);
    }

    /** Whether only a template may be sent now. */
    public boolean templatesOnly(Instant now) {
        return !isOpen(now);
    }

    /** Time left in the window, zero when closed. */
    public Duration remaining(Instant now) {
        return closesAt().filter(now::isBefore).map(end -> Duration.between(now, end)).orElse(Duration.ZERO);
    }
}
