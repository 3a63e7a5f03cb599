package io.vitrine.realtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.shared.Actor;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** This node's view of a stream merged with what other nodes announced: elsewhere and media states. */
class StreamsAcrossNodesUnitTest {

    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
    private static final UUID MERCHANT = UUID.randomUUID();

    private final OtherNodes others = new OtherNodes();
    private final Streams streams = new Streams(others, Clock.fixed(NOW, ZoneOffset.UTC));
    private final UUID first = UUID.randomUUID();
    private final UUID second = UUID.randomUUID();
    private final Actor.Shopper host = new Actor.Shopper(UUID.randomUUID(), MERCHANT);
    private final Actor.Staff expert = new Actor.Staff(UUID.randomUUID(), MERCHANT, false);

    @Test
    void anExpertWhoLeftThisStreamOnAnotherNodeAndIsOnCameraThereInAnotherDialogIsElsewhere() {
        streams.join(first, connection(), "host-1", true, host, null);
        others.peers.put(first, List.of(new ClusterPeers.SharedPeer("pe1", "expert-1", Streams.person(expert), true)));
        assertThat(streams.remoteChanged(first)).containsExactly(first);
        assertThat(streams.elsewhere(first)).isEmpty();

        others.peers.remove(first);
        streams.remoteChanged(first);
        assertThat(streams.elsewhere(first)).as("gone, on camera nowhere").isEmpty();
        others.peers.put(second, List.of(new ClusterPeers.SharedPeer("pe2", "expert-2", Streams.person(expert), true)));
        assertThat(streams.remoteChanged(second)).as("the first dialog's peers frame changes too").contains(first);
        assertThat(streams.elsewhere(first)).containsExactly("expert-1");
        assertThat(streams.peersFrame(first).peers()).extracting("participantId").containsExactly("host-1");
    }

    @Test
    void theLatestMicAndCameraWinWhicheverNodeTheyWereAnnouncedOn() {
        streams.join(first, connection(), "host-1", true, host, null);
        others.peers.put(first, List.of(new ClusterPeers.SharedPeer("pe1", "expert-1", Streams.person(expert), true)));
        streams.announce(first, "host-1", false, true);
        others.media.put("host-1", new Streams.MediaState(true, true, NOW.minusSeconds(5)));
        others.media.put("expert-1", new Streams.MediaState(false, false, NOW.minusSeconds(5)));
        others.media.put("gone-1", new Streams.MediaState(true, true, NOW));

        Map<String, Streams.MediaState> states = streams.mediaStates(first);
        assertThat(states.keySet()).as("only those in the stream now").containsExactlyInAnyOrder("host-1", "expert-1");
        assertThat(states.get("host-1").mic()).as("announced here, later").isFalse();
        assertThat(states.get("expert-1").camera()).isFalse();

        others.media.put("host-1", new Streams.MediaState(true, false, NOW.plusSeconds(1)));
        assertThat(streams.mediaStates(first).get("host-1")).as("announced on the other node, later")
                .isEqualTo(new Streams.MediaState(true, false, NOW.plusSeconds(1)));
        assertThat(others.shared.get(first)).as("what this node told the others").containsKey("host-1");
    }

    private static Connection connection() {
        return new Connection(null, null, "127.0.0.1", null, null, null);
    }

    /** What the other nodes announced, set by the test. */
    private static final class OtherNodes implements ClusterPeers {

        final Map<UUID, List<SharedPeer>> peers = new HashMap<>();
        final Map<String, Streams.MediaState> media = new HashMap<>();
        final Map<UUID, Map<String, Streams.MediaState>> shared = new HashMap<>();

        @Override
        public void localChanged(UUID dialogId, List<SharedPeer> local, Map<String, Streams.MediaState> states) {
            shared.put(dialogId, states);
        }

        @Override
        public List<SharedPeer> remote(UUID dialogId) {
            return peers.getOrDefault(dialogId, List.of());
        }

        @Override
        public Map<String, Streams.MediaState> remoteMedia(UUID dialogId) {
            return media;
        }

        @Override
        public Set<UUID> remoteDialogsOf(String person) {
            Set<UUID> found = new java.util.HashSet<>();
            peers.forEach((dialogId, list) -> {
                if (list.stream().anyMatch(p -> p.person().equals(person))) {
                    found.add(dialogId);
                }
            });
            return found;
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
}
