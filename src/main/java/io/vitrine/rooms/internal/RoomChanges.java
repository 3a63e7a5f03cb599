package io.vitrine.rooms.internal;

import io.vitrine.rooms.RoomState;
import io.vitrine.rooms.RoomView;
import io.vitrine.shared.DomainException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moving and cancelling a room (its expert or an admin), under the room's row lock. Everyone it was announced to is
 * told in the same transaction, through the notifications outbox: a move re-sends the invitation (same UID, SEQUENCE
 * raised), a cancellation sends METHOD:CANCEL; a cancelled room's link says so and admits nobody.
 */
@Service
public class RoomChanges {

    private final RoomService service;
    private final Rooms rooms;
    private final RoomAnnouncements announcements;
    private final Clock clock;

    RoomChanges(RoomService service, Rooms rooms, RoomAnnouncements announcements, Clock clock) {
        this.service = service;
        this.rooms = rooms;
        this.announcements = announcements;
        this.clock = clock;
    }

    /**
     * @param start       the new wall-clock start in {@code zone}
     * @param zone        null keeps the room's zone
     * @param expiryHours null keeps the room's expiry
     */
    public record Move(LocalDateTime start, String zone, Integer expiryHours) {}

    @Transactional
    public RoomView move(RoomService.Caller caller, UUID id, Move request, Function<String, String> linkOf) {
        Room room = changeable(caller, id, "moved");
        if (request.start() == null) {
            throw DomainException.invalidField("start", "Please give the new start as a date and time, like 2027-03-29T15:00.");
        }
        ZoneId zone = request.zone() == null || request.zone().isBlank() ? ZoneId.of(room.zone()) : RoomService.zone(request.zone());
        Instant start = RoomService.start(request.start(), zone).toInstant();
        int expiry = RoomService.expiryHours(request.expiryHours(), room.expiryHours());
        if (!start.isAfter(Instant.now(clock))) {
            throw DomainException.invalidField("start", "The new start is in the past: please choose a later time.");
        }
        rooms.move(room.id(), start, zone.getId(), expiry);
        Room moved = rooms.byId(room.id()).orElseThrow();
        announcements.tellMoved(moved, linkOf.apply(moved.token()));
        return service.get(caller, id, linkOf);
    }

    @Transactional
    public RoomView cancel(RoomService.Caller caller, UUID id, Function<String, String> linkOf) {
        Room room = changeable(caller, id, "cancelled");
        rooms.cancel(room.id(), Instant.now(clock));
        Room cancelled = rooms.byId(room.id()).orElseThrow();
        announcements.tellCancelled(cancelled, linkOf.apply(cancelled.token()));
        return service.get(caller, id, linkOf);
    }

    /** The caller's room (or any for an admin), locked, neither cancelled nor ended. */
    private Room changeable(RoomService.Caller caller, UUID id, String how) {
        service.require(caller, id);
        Room room = rooms.lock(caller.merchantId(), id).orElseThrow(() -> DomainException.notFound("Room"));
        RoomState state = room.state(Instant.now(clock));
        if (state == RoomState.CANCELLED) {
            throw DomainException.conflict("room_cancelled", "This presentation was cancelled already; it cannot be " + how + ".");
        }
        if (state == RoomState.ENDED) {
            throw DomainException.conflict("room_ended", "This room has ended; it cannot be " + how + " any more.");
        }
        return room;
    }
}
