package io.vitrine.media.internal;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.vitrine.media.IceServer;
import io.vitrine.realtime.protocol.ServerMessage;
import java.util.List;
import java.util.UUID;

/**
 * The answer to a client's {@code stream}: its participant id, its peer id (this connection), whether it may
 * send video, ICE servers with fresh TURN credentials, and the peers.
 */
@JsonTypeName("stream")
record StreamFrame(UUID dialogId, String you, String peerId, boolean sendsVideo, List<IceServer> iceServers,
        List<ServerMessage.StreamPeer> peers) implements ServerMessage {}
