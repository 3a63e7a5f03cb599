package io.vitrine.dialog;

import io.vitrine.shared.Avatar;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A dialog as every participant may see it: screen names and avatars, never contact details. {@code rateable} says
 * whether the dialog takes a rating: it has ended, an expert took part, and its customers did not simply vanish.
 */
public record DialogView(UUID id, DialogStatus status, DialogMode mode, Instant createdAt, Instant acceptedAt,
        Instant endedAt, MerchantRef merchant, boolean coop, int maxCustomers, Avatar host, Avatar expert,
        List<Avatar> participants, Integer rating, String ratingComment, long lastSeq, String lastMessage,
        boolean rateable) {

    /** Host plus four Guests. */
    public static final int MAX_CUSTOMERS = 5;

    public record MerchantRef(String slug, String name) {}
}
