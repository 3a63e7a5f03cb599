package io.vitrine.realtime.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The stream peers other nodes hold, and the way to their connections. On a single node there are none; in cluster
 * mode every node shares its own peers of each dialog (with the person behind each, and the media states its peers
 * announced) and relays signals to the node holding the addressed peer.
 */
interface ClusterPeers {

    /**
     * A peer as the nodes share it; {@code person} is {@link Streams#person}, the same on every node;
     * {@code sendsVideo} whether its seat sends video (false when a node of an older version told of it).
     */
    record SharedPeer(String id, String participantId, String person, boolean sendsVideo) {}

    /**
     * This node's peers of the dialog are now {@code local} (empty when none are left), and {@code media} is what
     * participants announced here.
     */
    void localChanged(UUID dialogId, List<SharedPeer> local, Map<String, Streams.MediaState> media);

    /** The dialog's peers held by other nodes. */
    List<SharedPeer> remote(UUID dialogId);

    /** The media states announced on other nodes, the latest per participant. */
    Map<String, Streams.MediaState> remoteMedia(UUID dialogId);

    /** The dialogs in whose streams the person has a peer on another node. */
    Set<UUID> remoteDialogsOf(String person);

    /** Sends a {@code signal} frame to the node holding the peer; false when no other node holds it. */
    boolean relay(UUID dialogId, String peerId, String frame);

    /** Called with a dialog whose peers on other nodes changed (joined, left, or their node went silent). */
    void onRemoteChange(Consumer<UUID> listener);

    /** Called with the dialog, the addressed peer and the frame of a signal relayed from another node. */
    void onSignal(SignalReceiver receiver);

    /** Tells the other nodes that only these participants may stay in the dialog's stream (see Streams#retain). */
    void retainEverywhere(UUID dialogId, Set<String> present);

    /** Called with a dialog and its remaining participants when another node said so. */
    void onRetain(BiConsumer<UUID, Set<String>> listener);

    interface SignalReceiver {
        void receive(UUID dialogId, String peerId, String frame);
    }
}
