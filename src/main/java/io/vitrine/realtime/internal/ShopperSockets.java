package io.vitrine.realtime.internal;

import java.util.UUID;

/**
 * Whether a shopper still has a connection following a dialog on another node: a Guest whose socket closed here
 * may have reconnected through another node. On a single node there is no other node.
 */
interface ShopperSockets {

    boolean followsElsewhere(UUID dialogId, UUID shopperId);
}
