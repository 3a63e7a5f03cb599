package io.vitrine.realtime.internal;

import io.vitrine.dialog.DialogRole;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Who is connected to each dialog's media stream on this node: the peers of the WebRTC mesh. Signals go only
 * between connections registered here; nothing of it is stored.
 */
@Component
class Streams {

    /** One connection's place in a stream. */
    record Peer(String participantId, DialogRole role) {}

    /** A peer's microphone and camera, as it last announced them. */
    record MediaState(boolean mic, boolean camera) {}

    private final Map<UUID, Map<Connection, Peer>> byDialog = new HashMap<>();
    private final Map<UUID, Map<String, MediaState>> mediaByDialog = new HashMap<>();

    /** Registers the connection; true when the dialog's set of peers changed. */
    synchronized boolean join(UUID dialogId, Connection connection, Peer peer) {
        Set<String> before = peers(dialogId);
        byDialog.computeIfAbsent(dialogId, id -> new HashMap<>()).put(connection, peer);
        return !before.equals(peers(dialogId));
    }

    synchronized Peer peerOf(UUID dialogId, Connection connection) {
        Map<Connection, Peer> room = byDialog.get(dialogId);
        return room == null ? null : room.get(connection);
    }

    synchronized List<Connection> connectionsOf(UUID dialogId, String participantId) {
        Map<Connection, Peer> room = byDialog.getOrDefault(dialogId, Map.of());
        List<Connection> found = new ArrayList<>();
        room.forEach((connection, peer) -> {
            if (peer.participantId().equals(participantId)) {
                found.add(connection);
            }
        });
        return found;
    }

    synchronized void announce(UUID dialogId, String participantId, MediaState state) {
        mediaByDialog.computeIfAbsent(dialogId, id -> new HashMap<>()).put(participantId, state);
    }

    /** What the peers now in the stream last announced, so a newcomer learns it at once. */
    synchronized Map<String, MediaState> mediaStates(UUID dialogId) {
        Map<String, MediaState> states = new HashMap<>(mediaByDialog.getOrDefault(dialogId, Map.of()));
        states.keySet().retainAll(peers(dialogId));
        return states;
    }

    /** Participant ids in the stream, sorted so every client sees the same order. */
    synchronized Set<String> peers(UUID dialogId) {
        Set<String> ids = new TreeSet<>();
        byDialog.getOrDefault(dialogId, Map.of()).values().forEach(p -> ids.add(p.participantId()));
        return ids;
    }

    /** Removes one connection from one stream; true when the set of peers changed. */
    synchronized boolean leave(UUID dialogId, Connection connection) {
        Map<Connection, Peer> room = byDialog.get(dialogId);
        if (room == null) {
            return false;
        }
        Set<String> before = peers(dialogId);
        if (room.remove(connection) == null) {
            return false;
        }
        forgetIfEmpty(dialogId, room);
        return !before.equals(peers(dialogId));
    }

    /** Removes a closed connection from every stream; returns the dialogs whose peers changed. */
    synchronized List<UUID> leaveAll(Connection connection) {
        List<UUID> changed = new ArrayList<>();
        for (UUID dialogId : List.copyOf(byDialog.keySet())) {
            if (leave(dialogId, connection)) {
                changed.add(dialogId);
            }
        }
        return changed;
    }

    /** Keeps only the given participants (those still present in a live video dialog); true when peers changed. */
    synchronized boolean retain(UUID dialogId, Set<String> present) {
        Map<Connection, Peer> room = byDialog.get(dialogId);
        if (room == null) {
            return false;
        }
        Set<String> before = peers(dialogId);
        room.values().removeIf(peer -> !present.contains(peer.participantId()));
        forgetIfEmpty(dialogId, room);
        return !before.equals(peers(dialogId));
    }

    private void forgetIfEmpty(UUID dialogId, Map<Connection, Peer> room) {
        if (room.isEmpty()) {
            byDialog.remove(dialogId);
            mediaByDialog.remove(dialogId);
        }
    }
}
