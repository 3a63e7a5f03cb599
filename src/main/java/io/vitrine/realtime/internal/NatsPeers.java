package io.vitrine.realtime.internal;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import io.vitrine.realtime.fanout.ClusterNode;
import io.vitrine.realtime.fanout.ClusterProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stream peers across nodes through NATS. Each node announces its own peers of a dialog, and the media states
 * announced through it, on {@code vitrine.streams.<node>} when they change, and all of them once per heartbeat;
 * every node listens to all announcements and forgets a node that missed three heartbeats. Signals for a peer on
 * another node go to {@code vitrine.signal.<node>}.
 */
class NatsPeers implements ClusterPeers, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(NatsPeers.class);

    /** A node's share of some dialogs; {@code full} when it names all of them (a heartbeat). */
    record Announcement(String node, boolean full, Map<UUID, Share> dialogs) {}

    /** One node's peers of a dialog and the media states announced through it. */
    record Share(List<SharedPeer> peers, Map<String, Streams.MediaState> media) {}

    record RelayedSignal(UUID dialogId, String to, String frame) {}

    record Retain(String node, UUID dialogId, Set<String> present) {}

    private final Connection nats;
    private final String node;
    private final JsonMapper json;
    private final Duration heartbeat;
    private final Dispatcher dispatcher;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("vitrine-peers-heartbeat").factory());
    private final Map<UUID, Share> local = new HashMap<>();
    private final Map<String, Map<UUID, Share>> byNode = new HashMap<>();
    private final Map<String, Instant> lastHeard = new HashMap<>();
    private final List<Consumer<UUID>> changeListeners = new CopyOnWriteArrayList<>();
    private final List<SignalReceiver> signalReceivers = new CopyOnWriteArrayList<>();
    private final List<BiConsumer<UUID, Set<String>>> retainListeners = new CopyOnWriteArrayList<>();

    NatsPeers(Connection nats, ClusterNode node, ClusterProperties properties, JsonMapper json) {
        this.nats = nats;
        this.node = node.id();
        this.json = json;
        this.heartbeat = properties.heartbeat();
        this.dispatcher = nats.createDispatcher();
        dispatcher.subscribe("vitrine.streams.*", this::announced);
        dispatcher.subscribe("vitrine.signal." + this.node, this::signalled);
        dispatcher.subscribe("vitrine.retain", this::retained);
        long every = heartbeat.toMillis();
        timer.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void localChanged(UUID dialogId, List<SharedPeer> peers, Map<String, Streams.MediaState> media) {
        Share share = new Share(List.copyOf(peers), peers.isEmpty() ? Map.of() : Map.copyOf(media));
        if (peers.isEmpty()) {
            local.remove(dialogId);
        } else {
            local.put(dialogId, share);
        }
        announce(new Announcement(node, false, Map.of(dialogId, share)));
    }

    @Override
    public synchronized List<SharedPeer> remote(UUID dialogId) {
        List<SharedPeer> peers = new ArrayList<>();
        byNode.values().forEach(dialogs -> peers.addAll(peersOf(dialogs.get(dialogId))));
        return peers;
    }

    @Override
    public synchronized Map<String, Streams.MediaState> remoteMedia(UUID dialogId) {
        Map<String, Streams.MediaState> latest = new HashMap<>();
        for (Map<UUID, Share> dialogs : byNode.values()) {
            Share share = dialogs.get(dialogId);
            if (share != null && share.media() != null) {
                share.media().forEach((participantId, state) -> latest.merge(participantId, state,
                        (a, b) -> a.at().isAfter(b.at()) ? a : b));
            }
        }
        return latest;
    }

    @Override
    public synchronized Set<UUID> remoteDialogsOf(String person) {
        Set<UUID> dialogs = new LinkedHashSet<>();
        byNode.values().forEach(shares -> shares.forEach((dialogId, share) -> {
            if (peersOf(share).stream().anyMatch(p -> person.equals(p.person()))) {
                dialogs.add(dialogId);
            }
        }));
        return dialogs;
    }

    private static List<SharedPeer> peersOf(Share share) {
        return share == null || share.peers() == null ? List.of() : share.peers();
    }

    @Override
    public boolean relay(UUID dialogId, String peerId, String frame) {
        String holder = holderOf(dialogId, peerId);
        if (holder == null) {
            return false;
        }
        nats.publish("vitrine.signal." + holder, json.writeValueAsBytes(new RelayedSignal(dialogId, peerId, frame)));
        return true;
    }

    @Override
    public void onRemoteChange(Consumer<UUID> listener) {
        changeListeners.add(listener);
    }

    @Override
    public void onSignal(SignalReceiver receiver) {
        signalReceivers.add(receiver);
    }

    @Override
    public void retainEverywhere(UUID dialogId, Set<String> present) {
        nats.publish("vitrine.retain", json.writeValueAsBytes(new Retain(node, dialogId, present)));
    }

    @Override
    public void onRetain(BiConsumer<UUID, Set<String>> listener) {
        retainListeners.add(listener);
    }

    private void retained(Message message) {
        try {
            Retain retain = json.readValue(message.getData(), Retain.class);
            if (!node.equals(retain.node())) {
                retainListeners.forEach(l -> l.accept(retain.dialogId(), retain.present()));
            }
        } catch (RuntimeException e) {
            log.warn("Could not apply another node's stream clean-up", e);
        }
    }

    private synchronized String holderOf(UUID dialogId, String peerId) {
        for (var entry : byNode.entrySet()) {
            if (peersOf(entry.getValue().get(dialogId)).stream().anyMatch(p -> p.id().equals(peerId))) {
                return entry.getKey();
            }
        }
        return null;
    }

    private void announced(Message message) {
        Announcement announcement;
        try {
            announcement = json.readValue(message.getData(), Announcement.class);
        } catch (RuntimeException e) {
            log.warn("Ignored an unreadable stream announcement on {}", message.getSubject(), e);
            return;
        }
        if (node.equals(announcement.node())) {
            return;
        }
        tell(record(announcement));
    }

    /** Takes in another node's announcement; returns the dialogs whose peers on that node changed. */
    private synchronized Set<UUID> record(Announcement announcement) {
        lastHeard.put(announcement.node(), Instant.now());
        Map<UUID, Share> before = byNode.getOrDefault(announcement.node(), Map.of());
        Map<UUID, Share> after = announcement.full() ? new HashMap<>() : new HashMap<>(before);
        announcement.dialogs().forEach((dialogId, share) -> {
            if (peersOf(share).isEmpty()) {
                after.remove(dialogId);
            } else {
                after.put(dialogId, share);
            }
        });
        byNode.put(announcement.node(), after);
        // Only a change of peers changes a peers frame; media states reach the sockets as media frames already.
        Set<UUID> changed = new LinkedHashSet<>();
        for (UUID dialogId : union(before.keySet(), after.keySet())) {
            if (!Set.copyOf(peersOf(before.get(dialogId))).equals(Set.copyOf(peersOf(after.get(dialogId))))) {
                changed.add(dialogId);
            }
        }
        return changed;
    }

    private static Set<UUID> union(Set<UUID> a, Set<UUID> b) {
        Set<UUID> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return all;
    }

    private void tell(Set<UUID> dialogs) {
        dialogs.forEach(dialogId -> changeListeners.forEach(l -> {
            try {
                l.accept(dialogId);
            } catch (RuntimeException e) {
                log.warn("Could not announce the changed peers of dialog {}", dialogId, e);
            }
        }));
    }

    private void signalled(Message message) {
        try {
            RelayedSignal signal = json.readValue(message.getData(), RelayedSignal.class);
            signalReceivers.forEach(r -> r.receive(signal.dialogId(), signal.to(), signal.frame()));
        } catch (RuntimeException e) {
            log.warn("Dropped a relayed signal that could not be delivered", e);
        }
    }

    /** Re-announces this node's peers and forgets the nodes that stopped announcing theirs. */
    private void beat() {
        try {
            Set<UUID> lost = new LinkedHashSet<>();
            synchronized (this) {
                announce(new Announcement(node, true, Map.copyOf(local)));
                Instant silentSince = Instant.now().minus(heartbeat.multipliedBy(3));
                for (String other : List.copyOf(lastHeard.keySet())) {
                    if (lastHeard.get(other).isBefore(silentSince)) {
                        lastHeard.remove(other);
                        lost.addAll(byNode.remove(other).keySet());
                        log.info("Node {} stopped announcing its stream peers; they are forgotten", other);
                    }
                }
            }
            tell(lost);
        } catch (RuntimeException e) {
            log.warn("Stream peer heartbeat failed", e);
        }
    }

    private void announce(Announcement announcement) {
        nats.publish("vitrine.streams." + node, json.writeValueAsBytes(announcement));
    }

    /** Tells the others at once that this node's peers are gone, rather than after three missed heartbeats. */
    @Override
    public void close() {
        timer.shutdownNow();
        synchronized (this) {
            local.clear();
            announce(new Announcement(node, true, Map.of()));
        }
        try {
            nats.flush(Duration.ofSeconds(1));
        } catch (Exception e) {
            log.debug("Could not flush the last stream announcement", e);
        }
        nats.closeDispatcher(dispatcher);
    }
}
