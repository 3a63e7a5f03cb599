package io.vitrine.realtime;

import io.vitrine.realtime.protocol.ServerMessage;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * The peers of each dialog's stream, on every node, and the relay of WebRTC signals between them. The module
 * that decides who may stream (and with which ICE servers) reads the frames; this keeps who is where.
 */
public interface LiveStreams {

    /** A connection in a stream; signals are addressed to its {@code id}. */
    record Peer(String id, String participantId, boolean sendsVideo) {}

    /**
     * Makes the caller's connection a peer of the dialog's stream ({@code previousPeerId}: the peer id its page
     * had on an earlier socket, to carry on as that peer). The caller is answered with {@code answer} (given its
     * peer and the stream's peers) and then the peers' microphone and camera states, before any other peer's
     * announcement; the followers then learn the new set of peers.
     */
    void join(FrameContext caller, UUID dialogId, String participantId, boolean sendsVideo, String previousPeerId,
            BiFunction<Peer, List<ServerMessage.StreamPeer>, ServerMessage> answer);

    /** The caller's peer in the dialog's stream; a conflict error ({@code not_in_stream}) when it is not in it. */
    Peer requirePeer(FrameContext caller, UUID dialogId);

    /**
     * Passes a signal to the one connection of peer {@code to}, on whichever node; a conflict error ({@code peer_left})
     * when it is gone.
     */
    void relay(UUID dialogId, String to, ServerMessage.Signal signal);

    /** Remembers a participant's microphone and camera for the stream's newcomers. */
    void announceMedia(UUID dialogId, String participantId, boolean mic, boolean camera);

    /** Only these participants (by participant id) stay in the dialog's stream, on every node. */
    void retain(UUID dialogId, Set<String> participantIds);
}
