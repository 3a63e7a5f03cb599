package io.vitrine.realtime.internal;

import io.vitrine.dialog.Actor;
import io.vitrine.realtime.protocol.ServerMessage;
import io.vitrine.shared.DomainException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Who is connected to each dialog's media stream on this node: the peers of the WebRTC mesh. A peer is one
 * connection (a shopper with two tabs is two peers), so signals go to exactly one connection. Nothing of it is
 * stored. In cluster mode the peers other nodes hold are added from {@link ClusterPeers}, and this node shares its own.
 */
@Component
class Streams {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Comparator<ServerMessage.StreamPeer> ORDER = Comparator
            .comparing(ServerMessage.StreamPeer::participantId).thenComparing(ServerMessage.StreamPeer::id);

    /**
     * One connection's place in a stream; {@code id} names this connection to the other peers, {@code sendsVideo}
     * is what the dialog module granted its seat.
     */
    record Peer(String id, String participantId, boolean sendsVideo, Actor actor) {}

    /** A peer's microphone and camera, as it last announced them. */
    record MediaState(boolean mic, boolean camera) {}

    private final ClusterPeers cluster;
    private final Map<UUID, Map<Connection, Peer>> byDialog = new HashMap<>();
    private final Map<UUID, Map<String, MediaState>> mediaByDialog = new HashMap<>();
    /** Who has been in each stream, so that a participant on camera in another dialog can be told apart. */
    private final Map<UUID, Map<String, Actor>> seenByDialog = new HashMap<>();

    Streams(ClusterPeers cluster) {
        this.cluster = cluster;
    }

    /** A connection's peer after {@link #join}; {@code changed} when the set of peer ids changed. */
    record Joined(Peer peer, boolean changed) {}

    /**
     * Registers the connection (again). A page on a new socket that names its previous peer id, still held by a
     * connection of the same participant (its old socket, not noticed closed yet), carries on as that peer: the
     * others keep their connections to it. Otherwise a connection new to the stream gets a new peer id.
     */
    synchronized Joined join(UUID dialogId, Connection connection, String participantId, boolean sendsVideo, Actor actor,
            String previousId) {
        Map<Connection, Peer> room = byDialog.computeIfAbsent(dialogId, id -> new HashMap<>());
        seenByDialog.computeIfAbsent(dialogId, id -> new HashMap<>()).put(participantId, actor);
        Peer existing = room.get(connection);
        if (existing != null) {
            return new Joined(existing, false);
        }
        Connection old = previousId == null ? null : connectionOf(dialogId, previousId);
        if (old != null && room.get(old).participantId().equals(participantId)) {
            room.remove(old);
            Peer peer = new Peer(previousId, participantId, sendsVideo, actor);
            room.put(connection, peer);
            return new Joined(peer, false);
        }
        Peer peer = new Peer(newPeerId(), participantId, sendsVideo, actor);
        room.put(connection, peer);
        share(dialogId);
        return new Joined(peer, true);
    }

    synchronized Peer peerOf(UUID dialogId, Connection connection) {
        Map<Connection, Peer> room = byDialog.get(dialogId);
        return room == null ? null : room.get(connection);
    }

    /** The connection's peer in the stream; refused when it has not joined the stream. */
    Peer requirePeer(UUID dialogId, Connection connection) {
        Peer peer = peerOf(dialogId, connection);
        if (peer == null) {
            throw DomainException.conflict("not_in_stream", "Join the dialog's stream (send 'stream') first.");
        }
        return peer;
    }

    /** The one connection behind a peer id of the stream, or null. */
    synchronized Connection connectionOf(UUID dialogId, String peerId) {
        for (var entry : byDialog.getOrDefault(dialogId, Map.of()).entrySet()) {
            if (entry.getValue().id().equals(peerId)) {
                return entry.getKey();
            }
        }
        return null;
    }

    synchronized void announce(UUID dialogId, String participantId, MediaState state) {
        mediaByDialog.computeIfAbsent(dialogId, id -> new HashMap<>()).put(participantId, state);
    }

    /** What the participants now in the stream last announced, so a newcomer learns it at once. */
    synchronized Map<String, MediaState> mediaStates(UUID dialogId) {
        Map<String, MediaState> states = new HashMap<>(mediaByDialog.getOrDefault(dialogId, Map.of()));
        states.keySet().retainAll(participants(dialogId));
        return states;
    }

    /** The peers in the stream on every node, sorted so every client sees the same order. */
    synchronized List<ServerMessage.StreamPeer> peers(UUID dialogId) {
        List<ServerMessage.StreamPeer> all = new ArrayList<>(localPeers(dialogId));
        all.addAll(cluster.remote(dialogId));
        return all.stream().distinct().sorted(ORDER).toList();
    }

    private List<ServerMessage.StreamPeer> localPeers(UUID dialogId) {
        return byDialog.getOrDefault(dialogId, Map.of()).values().stream()
                .map(p -> new ServerMessage.StreamPeer(p.id(), p.participantId())).toList();
    }

    /** Tells the other nodes (if any) which peers of the dialog this node holds now. */
    private void share(UUID dialogId) {
        cluster.localChanged(dialogId, localPeers(dialogId));
    }

    /** The {@code peers} frame of a dialog: its peers, and who of it is on camera in another dialog right now. */
    synchronized ServerMessage.Peers peersFrame(UUID dialogId) {
        return new ServerMessage.Peers(dialogId, peers(dialogId), elsewhere(dialogId));
    }

    /**
     * Participants who were in this stream and are not any more, while the same person (the expert, with
     * several dialogs) is in another dialog's stream: they are busy there, not gone.
     */
    synchronized List<String> elsewhere(UUID dialogId) {
        Set<String> here = participants(dialogId);
        List<String> busy = new ArrayList<>();
        seenByDialog.getOrDefault(dialogId, Map.of()).forEach((participantId, actor) -> {
            if (!here.contains(participantId) && inAnotherStream(dialogId, actor)) {
                busy.add(participantId);
            }
        });
        busy.sort(null);
        return busy;
    }

    /** Other dialogs whose streams this person has been in: their {@code elsewhere} may change with this one. */
    synchronized List<UUID> otherDialogsOf(UUID dialogId, Actor actor) {
        List<UUID> found = new ArrayList<>();
        seenByDialog.forEach((id, seen) -> {
            if (!id.equals(dialogId) && seen.containsValue(actor)) {
                found.add(id);
            }
        });
        return found;
    }

    /** Removes one connection from one stream; returns the peer it was, or null. */
    synchronized Peer leave(UUID dialogId, Connection connection) {
        Map<Connection, Peer> room = byDialog.get(dialogId);
        if (room == null) {
            return null;
        }
        Peer gone = room.remove(connection);
        forgetIfEmpty(dialogId, room);
        if (gone != null) {
            share(dialogId);
        }
        return gone;
    }

    /** Removes a closed connection from every stream; returns the dialogs it was a peer of. */
    synchronized Map<UUID, Peer> leaveAll(Connection connection) {
        Map<UUID, Peer> left = new HashMap<>();
        for (UUID dialogId : List.copyOf(byDialog.keySet())) {
            Peer gone = leave(dialogId, connection);
            if (gone != null) {
                left.put(dialogId, gone);
            }
        }
        return left;
    }

    /**
     * Keeps only the given participants (those still present in a live video dialog); returns the dialogs whose
     * {@code peers} frame changed: this one, and those where a removed person now counts as elsewhere no more.
     */
    synchronized Set<UUID> retain(UUID dialogId, Set<String> present) {
        Map<String, Actor> seen = seenByDialog.get(dialogId);
        if (seen != null) {
            seen.keySet().retainAll(present);
            if (seen.isEmpty()) {
                seenByDialog.remove(dialogId);
            }
        }
        Map<Connection, Peer> room = byDialog.get(dialogId);
        if (room == null) {
            return Set.of();
        }
        List<Peer> removed = room.values().stream().filter(peer -> !present.contains(peer.participantId())).toList();
        room.values().removeAll(removed);
        forgetIfEmpty(dialogId, room);
        Set<UUID> changed = new java.util.LinkedHashSet<>();
        if (!removed.isEmpty()) {
            changed.add(dialogId);
            share(dialogId);
        }
        removed.forEach(peer -> changed.addAll(otherDialogsOf(dialogId, peer.actor())));
        return changed;
    }

    private Set<String> participants(UUID dialogId) {
        Set<String> ids = new TreeSet<>();
        byDialog.getOrDefault(dialogId, Map.of()).values().forEach(p -> ids.add(p.participantId()));
        return ids;
    }

    private boolean inAnotherStream(UUID dialogId, Actor actor) {
        return byDialog.entrySet().stream().anyMatch(e -> !e.getKey().equals(dialogId)
                && e.getValue().values().stream().anyMatch(p -> p.actor().equals(actor)));
    }

    private void forgetIfEmpty(UUID dialogId, Map<Connection, Peer> room) {
        if (room.isEmpty()) {
            byDialog.remove(dialogId);
            mediaByDialog.remove(dialogId);
        }
    }

    private static String newPeerId() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return "p" + HexFormat.of().formatHex(bytes);
    }
}
