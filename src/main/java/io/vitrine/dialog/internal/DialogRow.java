package io.vitrine.dialog.internal;

import io.vitrine.dialog.DialogMode;
import io.vitrine.dialog.DialogStatus;
import java.time.Instant;
import java.util.UUID;

record DialogRow(UUID id, UUID merchantId, DialogStatus status, DialogMode mode, UUID hostShopperId, UUID targetExpertId,
        UUID previousExpertId, String targetStore, UUID expertId, Instant createdAt, Instant acceptedAt,
        Instant endedAt, long lastSeq, Integer rating, String ratingComment, EndReason endReason, String pageUrl) {

    /** Why a dialog ended: someone ended it, or it ended on its own because its people were gone. */
    enum EndReason { BY_PARTICIPANT, CUSTOMERS_GONE, EXPERT_GONE }

    /** Only a dialog that an expert took part in and that its customers did not abandon asks for a rating. */
    boolean rateable() {
        return status == DialogStatus.ENDED && expertId != null && endReason != EndReason.CUSTOMERS_GONE;
    }
}
