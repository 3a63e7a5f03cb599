package io.vitrine.dialog;

import java.util.Collection;
import java.util.UUID;

/**
 * What the realtime gateway tells dialogs about their customers' connections. An open dialog none of whose customers
 * has come back within the presence grace period ends on its own.
 */
public interface CustomerPresenceApi {

    /** The last connection of any customer (Host or Guest) to this dialog closed on this node. */
    void customersGone(UUID dialogId);

    /** Customers are connected to these dialogs on this node; said on every connection and on a heartbeat. */
    void customersConnected(Collection<UUID> dialogIds);
}
