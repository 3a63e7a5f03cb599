package io.vitrine.dialog;

import io.vitrine.shared.Avatar;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What a merchant's consoles show as incoming: live requests and left messages. */
public record StaffQueue(List<Entry> waiting, List<Entry> messages) {

    public record Entry(UUID dialogId, Avatar host, Instant since, UUID offeredTo, Instant offerExpiresAt,
            String lastMessage) {}
}
