package io.vitrine.dialog;

import java.util.UUID;

/** Events the dialog module publishes once its transaction commits. */
public final class DialogEvents {

    private DialogEvents() {}

    /** A timeline event was stored. */
    public record TimelineAppended(UUID merchantId, TimelineEvent event) {}

    /** A dialog changed state or participants. */
    public record DialogChanged(UUID merchantId, DialogView dialog) {}

    /** Queue positions or offers of a merchant changed. */
    public record QueueChanged(UUID merchantId) {}
}
