package io.vitrine.realtime.internal;

import static io.vitrine.support.Socket.type;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vitrine.realtime.Following;
import io.vitrine.realtime.protocol.ServerMessage;
import io.vitrine.shared.Actor;
import io.vitrine.shared.DialogRole;
import io.vitrine.support.Api;
import io.vitrine.support.IntegrationTest;
import io.vitrine.support.LiveStream;
import io.vitrine.support.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A page catching up on a dialog (it resubscribed after a sequence gap) gets the dialog's live frames only after its
 * replay. A WebRTC signal addressed to it waits there too, behind the {@code peers} frame that came before it: else a
 * newcomer's offer would reach the page first, be answered, and the held, older {@code peers} frame (without the
 * newcomer) would close the connection just answered. The replay is held open from the test, as the subscribe handler
 * holds it while it reads the timeline; everything else is the real server.
 */
class SignalDuringReplayIntegrationTest extends IntegrationTest {

    private static final String MARKER = "caught up";

    @Autowired
    private Connections connections;

    @Autowired
    private DialogFollowing following;

    @Test
    void aSignalDuringAReplayIsHeldBehindTheEarlierPeersFrameAndBothFollowTheReplayInOrder() {
        Shop shop = shop("anna");
        Api anna = shop.online("anna");
        LiveStream live = LiveStream.start(shop, anna, "Hana Host");
        UUID dialogId = UUID.fromString(live.id);
        Socket hostWs = Socket.welcomed(live.host);
        hostWs.send(Map.of("type", "subscribe", "dialogId", live.id, "afterSeq", 0));
        long lastSeq = hostWs.await(type("subscribed")).path("lastSeq").asLong();
        hostWs.send(Map.of("type", "stream", "dialogId", live.id));
        String hostPeer = hostWs.await(type("stream")).path("peerId").asString();
        hostWs.await(f -> type("peers").test(f) && f.path("peers").size() == 1);

        // The page's replay begins, as after a resubscribe.
        Connection hostConnection = connections.all().stream()
                .filter(c -> c.actor() instanceof Actor.Shopper && c.follows(dialogId)).findFirst().orElseThrow();
        Following replay = following.follow(hostConnection, dialogId);
        replay.startReplay(lastSeq);

        // Meanwhile the expert enters the stream and offers to the host's page.
        Socket expertWs = live.socket(anna);
        expertWs.send(Map.of("type", "stream", "dialogId", live.id));
        String expertPeer = expertWs.await(type("stream")).path("peerId").asString();
        expertWs.send(Map.of("type", "signal", "dialogId", live.id, "to", hostPeer,
                "description", Map.of("type", "offer", "sdp", "v=0\r\n")));
        expertWs.send(Map.of("type", "ping"));
        expertWs.awaitType("pong"); // the server has relayed the offer
        assertThat(expertWs.received(type("error"))).as("the offer was relayed").isEmpty();

        // A frame the host's socket is sent directly comes after anything sent to it before.
        hostWs.send(Map.of("type", "ping"));
        hostWs.awaitType("pong");
        assertThat(hostWs.received(f -> type("peers").test(f) || type("signal").test(f)))
                .as("held while the page catches up").isEmpty();

        replay.finishReplay(DialogRole.HOST, new ServerMessage.Typing(dialogId, "replay", MARKER));
        await().atMost(Duration.ofSeconds(10)).until(() -> !hostWs.received(type("signal")).isEmpty());
        List<JsonNode> after = hostWs.received(f -> type("typing").test(f) || type("peers").test(f)
                || type("signal").test(f));
        assertThat(after).extracting(f -> f.path("type").asString()).as("in the order they were sent")
                .containsExactly("typing", "peers", "signal");
        assertThat(after.get(0).path("name").asString()).isEqualTo(MARKER);
        assertThat(texts(list(after.get(1).path("peers")), "id")).containsExactlyInAnyOrder(hostPeer, expertPeer);
        assertThat(after.get(2).path("from").asString()).isEqualTo(expertPeer);
        assertThat(after.get(2).path("description").path("type").asString()).isEqualTo("offer");
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> nodes = new java.util.ArrayList<>();
        array.forEach(nodes::add);
        return nodes;
    }
}
