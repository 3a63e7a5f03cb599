package io.vitrine.realtime;

import io.vitrine.realtime.protocol.ServerMessage;
import io.vitrine.shared.Actor;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * What the gateway tells the modules about its connections; a module implements it as a bean. Each method is
 * called on the node that holds the connections.
 */
public interface ConnectionEvents {

    /** A team member's console connected; {@code send} reaches it (after its welcome and presence). */
    default void staffConnected(Actor.Staff staff, Consumer<ServerMessage> send) {}

    /** Customers' connections on this node follow these dialogs (at least every heartbeat). */
    default void customersConnected(Set<UUID> dialogIds) {}

    /** No customer connection on this node follows the dialog any more. */
    default void customersGone(UUID dialogId) {}

    /** A shopper has had no connection following the dialog, on any node, for the grace period. */
    default void shopperGone(UUID dialogId, UUID shopperId) {}
}
