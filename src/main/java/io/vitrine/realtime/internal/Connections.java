package io.vitrine.realtime.internal;

import io.vitrine.shared.Actor;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** The open sockets of this node, by connection id. */
@Component
class Connections {

    private final Map<String, Connection> byId = new ConcurrentHashMap<>();

    void add(Connection connection) {
        byId.put(connection.id(), connection);
    }

    Connection remove(String id) {
        return byId.remove(id);
    }

    /** The open connection with this id, or null once it closed. */
    Connection get(String id) {
        return byId.get(id);
    }

    Collection<Connection> all() {
        return byId.values();
    }

    /** Members with a console open on this node. */
    Set<UUID> connectedMembers() {
        Set<UUID> members = ConcurrentHashMap.newKeySet();
        byId.values().forEach(c -> {
            if (c.actor() instanceof Actor.Staff staff) {
                members.add(staff.memberId());
            }
        });
        return members;
    }

    /** Dialogs a customer follows on this node; the heartbeat keeps them marked as attended. */
    Set<UUID> dialogsWithCustomers() {
        Set<UUID> dialogIds = ConcurrentHashMap.newKeySet();
        byId.values().stream().filter(c -> c.actor() instanceof Actor.Shopper)
                .forEach(c -> dialogIds.addAll(c.followed()));
        return dialogIds;
    }
}
