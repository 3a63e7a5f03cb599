package io.vitrine.sales;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Who the sale counts for: the dialog it came from, the expert (team member), their share and store. */
public record Attribution(@Nullable UUID dialogId, @Nullable UUID expertId, @Nullable UUID shareId,
        @Nullable String store) {

    public static Attribution none() {
        return new Attribution(null, null, null, null);
    }
}
