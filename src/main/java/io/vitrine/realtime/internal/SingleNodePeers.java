package io.vitrine.realtime.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** One node: every peer is a local one. */
class SingleNodePeers implements ClusterPeers {

    @Override
    public void localChanged(UUID dialogId, List<SharedPeer> local, Map<String, Streams.MediaState> media) {}

    @Override
    public List<SharedPeer> remote(UUID dialogId) {
        return List.of();
    }

    @Override
    public Map<String, Streams.MediaState> remoteMedia(UUID dialogId) {
        return Map.of();
    }

    @Override
    public Set<UUID> remoteDialogsOf(String person) {
        return Set.of();
    }

    @Override
    public boolean relay(UUID dialogId, String peerId, String frame) {
        return false;
    }

    @Override
    public void onRemoteChange(Consumer<UUID> listener) {}

    @Override
    public void onSignal(SignalReceiver receiver) {}

    @Override
    public void retainEverywhere(UUID dialogId, Set<String> present) {}

    @Override
    public void onRetain(BiConsumer<UUID, Set<String>> listener) {}
}
