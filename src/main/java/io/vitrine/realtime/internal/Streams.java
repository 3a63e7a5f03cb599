package io.vitrine.realtime.internal;

import io.vitrine.shared.Actor;
import io.vitrine.realtime.protocol.ServerMessage;
import io.vitrine.shared.DomainException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
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
 * stored. In cluster mode the peers other nodes hold, with their people and media states, are added from
 * {@link ClusterPeers}, and this node shares its own: who is {@code elsewhere} and what a newcomer is told about
 * microphones and cameras come out the same on every node.
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
    record Peer(String id, String participantId, boolean sendsVideo, String person) {}

    /** A peer's microphone and camera, as it last announced them, and when: the latest wins across nodes. */
    record MediaState(boolean mic, boolean camera, Instant at) {}

    private final ClusterPeers cluster;
    private final Clock clock;
    private final Map<UUID, Map<Connection, Peer>> byDialog = new HashMap<>();
    private final Map<UUID, Map<String, MediaState>> mediaByDialog = new HashMap<>();
    /** Who (participant id → person) has been in each stream, so that one on camera in another dialog is told apart. */
    private final Map<UUID, Map<String, String>> seenByDialog = new HashMap<>();
    /** The people other nodes had in each stream when they last told of a change. */
    private final Map<UUID, Set<String>> remoteByDialog = new HashMap<>();

    Streams(ClusterPeers cluster, Clock clock) {
        this.cluster = cluster;
        this.clock = clock;
    }

    /** The person behind an actor, the same on every node: the expert of two dialogs is one person in both. */
    static String person(Actor actor) {
        return switch (actor) {
            case Actor.Shopper shopper -> "shopper:" + shopper.shopperId();
            case Actor.Staff staff -> "staff:" + staff.memberId();
        };
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
        String person = person(actor);
        seenByDialog.computeIfAbsent(dialogId, id -> new HashMap<>()).put(participantId, person);
        Peer existing = room.get(connection);
        if (existing != null) {
            return new Joined(existing, false);
        }
        Connection old = previousId == null ? null : connectionOf(dialogId, previousId);
        if (old != null && room.get(old).participantId().equals(participantId)) {
            room.remove(old);
            Peer peer = new Peer(previousId, participantId, sendsVideo, person);
            room.put(connection, peer);
            return new Joined(peer, false);
        }
        Peer peer = new Peer(newPeerId(), participantId, sendsVideo, person);
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

    /** Remembers what a participant's peer here announced, and shares it with the other nodes. */
    synchronized void announce(UUID dialogId, String participantId, boolean mic, boolean camera) {
        mediaByDialog.computeIfAbsent(dialogId, id -> new HashMap<>())
                .put(participantId, new MediaState(mic, camera, clock.instant()));
        share(dialogId);
    }

    /**
     * What the participants now in the stream last announced, on whichever node, so a newcomer learns it at once.
     */
    synchronized Map<String, MediaState> mediaStates(UUID dialogId) {
        Map<String, MediaState> states = new HashMap<>(cluster.remoteMedia(dialogId));
        mediaByDialog.getOrDefault(dialogId, Map.of()).forEach((participantId, state) -> states.merge(participantId,
                state, (remote, local) -> remote.at().isAfter(local.at()) ? remote : local));
        states.keySet().retainAll(participants(dialogId));
        return states;
    }

    /** The peers in the stream on every node, sorted so every client sees the same order. */
    synchronized List<ServerMessage.StreamPeer> peers(UUID dialogId) {
        List<ClusterPeers.SharedPeer> all = new ArrayList<>(localPeers(dialogId));
        all.addAll(cluster.remote(dialogId));
        return all.stream().map(p -> new ServerMessage.StreamPeer(p.id(), p.participantId(), p.sendsVideo())).distinct()
                .sorted(ORDER).toList();
    }

    private List<ClusterPeers.SharedPeer> localPeers(UUID dialogId) {
        return byDialog.getOrDefault(dialogId, Map.of()).values().stream()
                .map(p -> new ClusterPeers.SharedPeer(p.id(), p.participantId(), p.person(), p.sendsVideo())).toList();
    }

    /** Tells the other nodes (if any) which peers of the dialog this node holds now, and what they announced. */
    private void share(UUID dialogId) {
        cluster.localChanged(dialogId, localPeers(dialogId), Map.copyOf(mediaByDialog.getOrDefault(dialogId, Map.of())));
    }

    /**
     * Takes in a change of the dialog's peers on another node; returns the dialogs whose {@code peers} frame may
     * have changed with it: this one, and the others of the people who have been in it (their {@code elsewhere}).
     */
    synchronized Set<UUID> remoteChanged(UUID dialogId) {
        Map<String, String> seen = seenByDialog.computeIfAbsent(dialogId, id -> new HashMap<>());
        Set<String> people = new HashSet<>(seen.values());
        Set<String> remoteNow = new HashSet<>();
        cluster.remote(dialogId).forEach(peer -> {
            seen.put(peer.participantId(), peer.person());
            remoteNow.add(peer.person());
        });
        // Also those who just left on the other node, even when the dialog's end already cleared what was seen.
        people.addAll(remoteNow);
        people.addAll(remoteByDialog.getOrDefault(dialogId, Set.of()));
        if (remoteNow.isEmpty()) {
            remoteByDialog.remove(dialogId);
        } else {
            remoteByDialog.put(dialogId, remoteNow);
        }
        if (seen.isEmpty()) {
            seenByDialog.remove(dialogId);
        }
        Set<UUID> changed = new java.util.LinkedHashSet<>();
        changed.add(dialogId);
        people.forEach(person -> changed.addAll(otherDialogsOf(dialogId, person)));
        return changed;
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
        seenByDialog.getOrDefault(dialogId, Map.of()).forEach((participantId, person) -> {
            if (!here.contains(participantId) && inAnotherStream(dialogId, person)) {
                busy.add(participantId);
            }
        });
        busy.sort(null);
        return busy;
    }

    /** Other dialogs whose streams this person has been in: their {@code elsewhere} may change with this one. */
    synchronized List<UUID> otherDialogsOf(UUID dialogId, String person) {
        List<UUID> found = new ArrayList<>();
        seenByDialog.forEach((id, seen) -> {
            if (!id.equals(dialogId) && seen.containsValue(person)) {
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
        Map<String, String> seen = seenByDialog.get(dialogId);
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
        removed.forEach(peer -> changed.addAll(otherDialogsOf(dialogId, peer.person())));
        return changed;
    }

    /** The participants in the stream on every node. */
    private Set<String> participants(UUID dialogId) {
        Set<String> ids = new TreeSet<>();
        byDialog.getOrDefault(dialogId, Map.of()).values().forEach(p -> ids.add(p.participantId()));
        cluster.remote(dialogId).forEach(p -> ids.add(p.participantId()));
        return ids;
    }

    private boolean inAnotherStream(UUID dialogId, String person) {
        return byDialog.entrySet().stream().anyMatch(e -> !e.getKey().equals(dialogId)
                && e.getValue().values().stream().anyMatch(p -> p.person().equals(person)))
                || cluster.remoteDialogsOf(person).stream().anyMatch(id -> !id.equals(dialogId));
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
