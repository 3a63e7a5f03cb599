package io.vitrine.scheduling;

import java.util.UUID;

/** An appointment was proposed, confirmed, moved or cancelled; published once its transaction commits. */
public record AppointmentChanged(UUID merchantId, UUID appointmentId, UUID dialogId, UUID expertId) {}
