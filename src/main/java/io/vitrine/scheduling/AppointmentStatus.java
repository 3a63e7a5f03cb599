package io.vitrine.scheduling;

public enum AppointmentStatus {
    /** Proposed in a dialog; waiting for the other side to confirm. */
    PROPOSED,
    /** Agreed: invitations sent, reminders planned. */
    CONFIRMED,
    CANCELLED
}
