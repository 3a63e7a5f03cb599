package io.vitrine.scheduling;

import java.time.Instant;
import java.util.UUID;

/**
 * An appointment as its participants see it: times as instants plus the expert's and the customer's zone, so each
 * side can show both; never anyone's contact details.
 *
 * @param dialogId    the dialog it was proposed in, or null for a booking
 * @param proposedBy  HOST, EXPERT or BOOKING
 * @param sequence    raised on every change, as in the calendar invitations
 */
public record AppointmentView(UUID id, UUID dialogId, AppointmentStatus status, Instant startsAt, Instant endsAt,
        String expertZone, String customerZone, String expertName, String customerName, String proposedBy,
        int sequence, String googleCalendarUrl) {}
