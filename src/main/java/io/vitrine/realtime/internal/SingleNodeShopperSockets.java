package io.vitrine.realtime.internal;

import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** One node: no connection lives elsewhere. */
@Component
@ConditionalOnProperty(name = "vitrine.cluster.mode", havingValue = "single", matchIfMissing = true)
class SingleNodeShopperSockets implements ShopperSockets {

    @Override
    public boolean followsElsewhere(UUID dialogId, UUID shopperId) {
        return false;
    }
}
