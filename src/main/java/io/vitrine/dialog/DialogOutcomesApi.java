package io.vitrine.dialog;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Ended dialogs for reports (e.g. the conversion from dialogs to orders); scoped to one merchant. */
public interface DialogOutcomesApi {

    /** Dialogs of the merchant that an expert took part in and that ended in {@code [from, to)}. */
    List<EndedDialog> endedWithExpert(UUID merchantId, Instant from, Instant to);

    record EndedDialog(UUID dialogId, UUID expertId, Instant endedAt) {}
}
