package io.vitrine.rooms.internal;

import io.vitrine.rooms.RoomState;
import io.vitrine.shared.PublicUrl;
import java.time.Clock;
import java.time.Instant;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminds everyone a room was announced to when it opens (five minutes before its start), with the link. As with
 * appointments (ADR 0011): the ShedLock lock keeps the nodes of a cluster from polling at once, and what makes each
 * reminder go out exactly once is its claim on the room's row, made in the transaction that queues the notice: a
 * crash before the commit leaves it unclaimed for the next run. A cancelled or ended room is claimed and not reminded.
 */
@Component
public class RoomReminders {

    private static final Logger log = LoggerFactory.getLogger(RoomReminders.class);
    private static final int BATCH = 50;

    private final Rooms rooms;
    private final RoomAnnouncements announcements;
    private final PublicUrl publicUrl;
    private final TransactionTemplate transactions;
    private final Clock clock;

    RoomReminders(Rooms rooms, RoomAnnouncements announcements, PublicUrl publicUrl, TransactionTemplate transactions,
            Clock clock) {
        this.rooms = rooms;
        this.announcements = announcements;
        this.publicUrl = publicUrl;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${vitrine.scheduling.tick-interval:5s}")
    @SchedulerLock(name = "room-reminders", lockAtMostFor = "60s")
    void tick() {
        sendDue(Instant.now(clock));
    }

    /** Sends the reminders due at {@code now}; returns how many rooms this call reminded of. */
    public int sendDue(Instant now) {
        int sent = 0;
        for (var id : rooms.remindersDue(now, Room.OPENS_BEFORE, BATCH)) {
            try {
                if (Boolean.TRUE.equals(transactions.execute(tx -> remind(id, now)))) {
                    sent++;
                }
            } catch (RuntimeException e) {
                log.warn("Reminder of room {} failed; trying again on the next run", id, e);
            }
        }
        return sent;
    }

    private boolean remind(java.util.UUID id, Instant now) {
        if (!rooms.claimReminder(id, now)) {
            return false;
        }
        Room room = rooms.byId(id).orElseThrow();
        if (room.state(now) != RoomState.OPEN) {
            return false;
        }
        announcements.remind(room, publicUrl.of("/r/" + room.token()));
        return true;
    }
}
