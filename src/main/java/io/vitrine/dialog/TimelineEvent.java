package io.vitrine.dialog;

import io.vitrine.shared.Avatar;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A stored, sequenced event of a dialog's timeline; {@code product} is set on {@link EventKind#PRODUCT} only. */
public record TimelineEvent(UUID dialogId, long seq, EventKind kind, Instant at, Avatar author, String text,
        String clientRef, @Nullable ProductCard product) {

    public TimelineEvent(UUID dialogId, long seq, EventKind kind, Instant at, Avatar author, String text,
            String clientRef) {
        this(dialogId, seq, kind, at, author, text, clientRef, null);
    }
}
