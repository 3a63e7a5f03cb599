package io.vitrine.scheduling.internal;

import io.vitrine.scheduling.AppointmentStatus;
import io.vitrine.shared.DomainException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/**
 * One appointment. It guards its own transitions: only a proposal is confirmed, a cancelled appointment stays
 * cancelled, and every change of time or state raises the sequence its calendar invitations carry.
 */
record Appointment(UUID id, UUID merchantId, UUID expertId, UUID dialogId, UUID hostShopperId, AppointmentStatus status,
        Instant startsAt, Instant endsAt, ZoneId expertZone, ZoneId customerZone, int sequence, String proposedBy,
        Instant createdAt, Instant updatedAt) {

    SlotPolicy.Busy busy() {
        return new SlotPolicy.Busy(startsAt, endsAt);
    }

    Appointment confirmed(Instant now) {
        if (status != AppointmentStatus.PROPOSED) {
            throw DomainException.conflict("not_proposed", status == AppointmentStatus.CONFIRMED
                    ? "This appointment is already confirmed." : "This appointment was cancelled.");
        }
        return with(AppointmentStatus.CONFIRMED, startsAt, endsAt, sequence, now);
    }

    Appointment movedTo(Instant start, Instant end, Instant now) {
        requireOpen();
        return with(status, start, end, sequence + 1, now);
    }

    Appointment cancelled(Instant now) {
        requireOpen();
        return with(AppointmentStatus.CANCELLED, startsAt, endsAt, sequence + 1, now);
    }

    /** A booking whose room was opened: the dialog it now continues in. */
    Appointment inRoom(UUID roomDialogId) {
        return new Appointment(id, merchantId, expertId, roomDialogId, hostShopperId, status, startsAt, endsAt, expertZone,
                customerZone, sequence, proposedBy, createdAt, updatedAt);
    }

    private void requireOpen() {
        if (status == AppointmentStatus.CANCELLED) {
            throw DomainException.conflict("cancelled", "This appointment was cancelled.");
        }
    }

    private Appointment with(AppointmentStatus newStatus, Instant start, Instant end, int newSequence, Instant now) {
        return new Appointment(id, merchantId, expertId, dialogId, hostShopperId, newStatus, start, end, expertZone,
                customerZone, newSequence, proposedBy, createdAt, now);
    }
}
