package io.vitrine.rooms.internal;

import io.vitrine.rooms.RoomState;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** A stored room. It can be entered from {@link #OPENS_BEFORE} before its start until its expiry. */
public record Room(UUID id, UUID merchantId, UUID expertId, String title, Instant start, String zone, int expiryHours,
        boolean video, int capacity, String token, UUID dialogId, UUID createdBy, Instant createdAt, int sequence, Instant cancelledAt) {

    public static final Duration OPENS_BEFORE = Duration.ofMinutes(5);

    public Instant opensAt() {
        return start.minus(OPENS_BEFORE);
    }

    public Instant endsAt() {
        return start.plus(Duration.ofHours(expiryHours));
    }

    public RoomState state(Instant now) {
        if (cancelledAt != null) {
            return RoomState.CANCELLED;
        }
        if (now.isBefore(opensAt())) {
            return RoomState.SCHEDULED;
        }
        return now.isBefore(endsAt()) ? RoomState.OPEN : RoomState.ENDED;
    }
}
