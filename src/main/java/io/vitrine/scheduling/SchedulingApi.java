package io.vitrine.scheduling;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/** Scheduling as other modules use it. */
public interface SchedulingApi {

    /**
     * Books a free slot of an expert for someone who asked for it elsewhere (an appointment request), by the same path
     * and checks as the public booking page: the booker gets the invitation by email. Refused with {@code slot_taken}
     * when the time collides, {@code invalid} (field {@code start} or {@code expert}) when it is not a free slot of
     * the expert, and {@code not_found} when the merchant has no bookings.
     */
    AppointmentView book(UUID merchantId, String expertHandle, Instant start, ZoneId customerZone, String name,
            String email);
}
