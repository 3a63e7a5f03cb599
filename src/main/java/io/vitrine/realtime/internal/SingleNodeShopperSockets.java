package io.vitrine.realtime.internal;

import java.util.UUID;

/** One node: no connection lives elsewhere. */
class SingleNodeShopperSockets implements ShopperSockets {

    @Override
    public boolean followsElsewhere(UUID dialogId, UUID shopperId) {
        return false;
    }
}
