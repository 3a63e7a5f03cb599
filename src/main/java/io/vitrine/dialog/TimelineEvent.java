package io.vitrine.dialog;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.vitrine.shared.Avatar;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A stored, sequenced event of a dialog's timeline; {@code product} is set on {@link EventKind#PRODUCT} only, and
 * left out of the JSON of every other event, so those look as they always did.
 */
public record TimelineEvent(UUID dialogId, long seq, EventKind kind, Instant at, Avatar author, String text,
        String clientRef, @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable ProductCard product) {

    public TimelineEvent(UUID dialogId, long seq, EventKind kind, Instant at, Avatar author, String text,
            String clientRef) {
        this(dialogId, seq, kind, at, author, text, clientRef, null);
    }
}
