package io.vitrine.notifications.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vitrine.merchant.StaffPrincipal;
import io.vitrine.notifications.Channel;
import io.vitrine.notifications.internal.Outbox;
import io.vitrine.shared.DomainException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What the outbox sent, skipped or gave up on, for the merchant's admins. */
@RestController
@RequestMapping("/api/v1/notifications/outbox")
@Tag(name = "Notifications")
class OutboxController {

    private final Outbox outbox;

    OutboxController(Outbox outbox) {
        this.outbox = outbox;
    }

    @GetMapping
    @Operation(summary = "The merchant's outbox rows, newest first (admins only)")
    List<OutboxRow> list(@Parameter(hidden = true) @AuthenticationPrincipal StaffPrincipal staff,
            @RequestParam(required = false) Outbox.Status status,
            @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
        if (staff == null || !staff.isAdmin()) {
            throw DomainException.forbidden("Only an admin of the shop may see the notification outbox.");
        }
        return outbox.list(staff.merchantId(), status, limit).stream().map(OutboxRow::of).toList();
    }

    /** A row without its payload, which may hold personal data. */
    record OutboxRow(UUID id, UUID noticeId, String recipientKind, UUID recipientId, Channel channel,
            Outbox.Status status, int attempts, Instant nextAttemptAt, String lastError, Instant createdAt,
            Instant sentAt) {

        static OutboxRow of(Outbox.Row row) {
            return new OutboxRow(row.id(), row.noticeId(), row.recipient().kind().name(), row.recipient().id(),
                    row.channel(), row.status(), row.attempts(), row.nextAttemptAt(), row.lastError(), row.createdAt(),
                    row.sentAt());
        }
    }
}
