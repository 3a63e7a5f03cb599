package io.vitrine.dialog.internal;

import io.vitrine.dialog.DialogMode;
import io.vitrine.dialog.DialogStatus;
import java.time.Instant;
import java.util.UUID;

record DialogRow(UUID id, UUID merchantId, DialogStatus status, DialogMode mode, UUID hostShopperId, UUID targetExpertId,
        UUID previousExpertId, String targetStore, UUID expertId, Instant createdAt, Instant acceptedAt,
        Instant endedAt, long lastSeq, Integer rating, String ratingComment) {}
