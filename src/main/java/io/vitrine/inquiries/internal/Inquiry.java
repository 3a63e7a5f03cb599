package io.vitrine.inquiries.internal;

import io.vitrine.inquiries.InquiryKind;
import io.vitrine.inquiries.InquiryStatus;
import java.time.Instant;
import java.util.UUID;

/**
 * One request as the brand's admins see it.
 *
 * @param requestedStart the time asked for (appointment and video requests), else null
 * @param zone           the requester's time zone
 * @param confirmedStart the time booked on confirmation, else null
 */
public record Inquiry(UUID id, InquiryKind kind, InquiryStatus status, String name, String email, String phone,
        String company, String message, Instant requestedStart, String zone, UUID appointmentId, Instant confirmedStart,
        Instant decidedAt, Instant createdAt) {}
