package io.vitrine.dialog;

import io.vitrine.shared.Avatar;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What a merchant's consoles show as incoming: live requests and left messages. */
public record StaffQueue(List<Entry> waiting, List<Entry> messages) {

    /**
     * {@code offerMillisLeft} is the offer's time left when the queue was read, so a console counts down the server's
     * offer time even when its own clock is wrong.
     */
    public record Entry(UUID dialogId, Avatar host, Instant since, UUID offeredTo, Instant offerExpiresAt,
            String lastMessage, Long offerMillisLeft) {}
}
