package io.vitrine.sales;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An expert's attributable link to a product ({@code /s/{token}}). The token is 256 random bits: it is the
 * link itself, so the expert can copy it or show its QR code again later.
 */
public record Share(UUID id, UUID merchantId, UUID expertId, UUID productId, String productTitle,
        @Nullable String productSku, String productUrl, String token, long visits, Instant createdAt,
        @Nullable Instant lastVisitAt, @Nullable Instant revokedAt) {

    public boolean revoked() {
        return revokedAt != null;
    }
}
