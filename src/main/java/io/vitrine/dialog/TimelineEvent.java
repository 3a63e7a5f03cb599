package io.vitrine.dialog;

import io.vitrine.shared.Avatar;
import java.time.Instant;
import java.util.UUID;

/** A stored, sequenced event of a dialog's timeline. */
public record TimelineEvent(UUID dialogId, long seq, EventKind kind, Instant at, Avatar author, String text,
        String clientRef) {}
