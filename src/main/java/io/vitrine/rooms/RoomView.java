package io.vitrine.rooms;

import java.time.Instant;
import java.util.UUID;

/**
 * A room as its staff see it. {@code link} is the shareable address; {@code state} follows the clock: SCHEDULED
 * until {@code opensAt} (five minutes before {@code start}), OPEN until {@code endsAt}, then ENDED.
 */
public record RoomView(UUID id, String title, Instant start, String zone, int expiryHours, Instant opensAt,
        Instant endsAt, boolean video, int capacity, UUID expertId, String expertName, RoomState state, String link,
        UUID dialogId, Instant createdAt) {}
