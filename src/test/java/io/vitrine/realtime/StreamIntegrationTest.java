package io.vitrine.realtime;

import static io.vitrine.support.Socket.type;
import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.media.TurnCredentials;
import io.vitrine.support.Api;
import io.vitrine.support.IntegrationTest;
import io.vitrine.support.LiveStream;
import io.vitrine.support.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** The media stream's signalling over the socket, with TURN configured and short-lived invite links. */
@TestPropertySource(properties = {
        "vitrine.media.stun-urls=stun:127.0.0.1:3478",
        "vitrine.media.turn-urls=turn:127.0.0.1:3478?transport=udp,turn:127.0.0.1:3478?transport=tcp",
        "vitrine.media.turn-secret=" + StreamIntegrationTest.SECRET,
        "vitrine.media.turn-ttl=2h",
        "vitrine.coop.invite-ttl=1s"
})
class StreamIntegrationTest extends IntegrationTest {

    static final String SECRET = "coturn-static-auth-secret";

    @Test
    void everyPeerGetsIceServersWithItsOwnTimeLimitedTurnCredentials() {
        Shop shop = shop("anna");
        LiveStream live = LiveStream.start(shop, shop.online("anna"), "Hana Host");
        Socket hostWs = live.socket(live.host);
        hostWs.send(Map.of("type", "stream", "dialogId", live.id));
        JsonNode stream = hostWs.await(type("stream"));
        String you = stream.path("you").asString();
        assertThat(you).isEqualTo(live.you(live.host, false).path("participantId").asString());

        JsonNode servers = stream.path("iceServers");
        assertThat(servers.get(0).path("urls").get(0).asString()).isEqualTo("stun:127.0.0.1:3478");
        assertThat(servers.get(0).has("credential")).as("STUN needs no credential").isFalse();
        JsonNode turn = servers.get(1);
        assertThat(turn.path("urls").size()).isEqualTo(2);
        String username = turn.path("username").asString();
        long expiry = Long.parseLong(username.substring(0, username.indexOf(':')));
        assertThat(username).endsWith(":" + you);
        assertThat(expiry).isBetween(Instant.now().plus(Duration.ofHours(2)).getEpochSecond() - 30,
                Instant.now().plus(Duration.ofHours(2)).getEpochSecond() + 1);
        String credential = turn.path("credential").asString();
        assertThat(TurnCredentials.valid(SECRET, username, credential, Instant.now())).isTrue();
        assertThat(TurnCredentials.valid(SECRET, username, credential, Instant.ofEpochSecond(expiry))).as("expired").isFalse();
        assertThat(stream.toString()).doesNotContain(SECRET);
    }

    @Test
    void signalsReachExactlyTheAddressedPeerAndPeersFollowConnectionsAndDepartures() {
        Shop shop = shop("anna");
        Api anna = shop.online("anna");
        LiveStream live = LiveStream.start(shop, anna, "Hana Host");
        Api guest = live.join(live.invite(), "Gia");
        Socket expertWs = live.socket(anna);
        String expertPeer = joinStream(expertWs, live.id).path("peerId").asString();
        Socket hostWs = live.socket(live.host);
        String hostPeer = joinStream(hostWs, live.id).path("peerId").asString();
        Socket guestWs = live.socket(guest);
        String guestPeer = joinStream(guestWs, live.id).path("peerId").asString();
        String hostId = live.you(live.host, false).path("participantId").asString();
        String guestId = live.you(guest, false).path("participantId").asString();
        String expertId = live.you(anna, true).path("participantId").asString();
        for (int size = 1; size <= 3; size++) {
            int expected = size;
            expertWs.await(f -> type("peers").test(f) && f.path("peers").size() == expected);
        }

        String bigOffer = "v=0\r\n" + "a=candidate-padding\r\n".repeat(1500) + "m=video 9 UDP/TLS/RTP/SAVPF 96\r\na=sendrecv\r\n";
        assertThat(bigOffer.length()).as("larger than the container's default frame").isGreaterThan(30_000);
        expertWs.send(Map.of("type", "signal", "dialogId", live.id, "to", guestPeer,
                "description", Map.of("type", "offer", "sdp", bigOffer)));
        JsonNode offer = guestWs.await(type("signal"));
        assertThat(offer.path("from").asString()).isEqualTo(expertPeer);
        assertThat(offer.path("participantId").asString()).isEqualTo(expertId);
        assertThat(offer.path("description").path("sdp").asString()).isEqualTo(bigOffer);

        guestWs.send(Map.of("type", "signal", "dialogId", live.id, "to", expertPeer,
                "candidate", Map.of("candidate", "candidate:1 1 udp 2122260223 10.0.0.2 50000 typ host", "sdpMid", "0", "sdpMLineIndex", 0)));
        JsonNode candidate = expertWs.await(type("signal"));
        assertThat(candidate.path("from").asString()).isEqualTo(guestPeer);
        assertThat(candidate.path("candidate").path("sdpMid").asString()).isEqualTo("0");
        assertThat(hostWs.received(type("signal"))).as("nobody else sees signals").isEmpty();

        guestWs.send(Map.of("type", "media", "dialogId", live.id, "mic", true, "camera", true));
        JsonNode media = hostWs.await(type("media"));
        assertThat(media.path("participantId").asString()).isEqualTo(guestId);
        assertThat(media.path("mic").asBoolean()).isTrue();
        assertThat(media.path("camera").asBoolean()).as("customers have no camera in the stream").isFalse();
        try (Socket late = live.inStream(live.host)) {
            JsonNode known = late.await(f -> type("media").test(f) && guestId.equals(f.path("participantId").asString()));
            assertThat(known.path("mic").asBoolean()).as("a newcomer learns who has the microphone on").isTrue();
        }

        guestWs.kill();
        JsonNode peers = expertWs.await(f -> type("peers").test(f) && f.path("peers").size() == 2);
        assertThat(texts(list(peers.path("peers")), "id")).containsExactlyInAnyOrder(hostPeer, expertPeer);
        assertThat(texts(list(peers.path("peers")), "participantId")).containsExactlyInAnyOrder(hostId, expertId);
        assertThat(list(peers.path("peers"))).as("only the expert sends video: customers connect to it first")
                .allMatch(peer -> peer.path("sendsVideo").asBoolean() == peer.path("id").asString().equals(expertPeer));
        expertWs.send(Map.of("type", "signal", "dialogId", live.id, "to", guestPeer,
                "description", Map.of("type", "offer", "sdp", "v=0")));
        assertThat(expertWs.await(type("error")).path("code").asString()).as("the addressed peer left")
                .isEqualTo("peer_left");

        assertThat(live.host.post(live.path() + "/mode", Map.of("mode", "TEXT")).status()).isEqualTo(200);
        expertWs.await(f -> type("peers").test(f) && f.path("peers").isEmpty());
        hostWs.send(Map.of("type", "stream", "dialogId", live.id));
        assertThat(hostWs.await(type("error")).path("code").asString()).isEqualTo("text_only");
    }

    @Test
    void aShopperInTwoTabsIsTwoPeersAndEachSignalReachesOnlyTheAddressedTab() {
        Shop shop = shop("anna");
        Api anna = shop.online("anna");
        LiveStream live = LiveStream.start(shop, anna, "Hana Host");
        Socket expertWs = live.socket(anna);
        String expertPeer = joinStream(expertWs, live.id).path("peerId").asString();
        Socket firstTab = live.socket(live.host);
        JsonNode first = joinStream(firstTab, live.id);
        Socket secondTab = live.socket(live.host);
        JsonNode second = joinStream(secondTab, live.id);

        assertThat(first.path("you").asString()).as("one participant").isEqualTo(second.path("you").asString());
        assertThat(first.path("peerId").asString()).as("two peers").isNotEqualTo(second.path("peerId").asString());
        assertThat(first.path("sendsVideo").asBoolean()).as("customers send no video").isFalse();
        JsonNode peers = expertWs.await(f -> type("peers").test(f) && f.path("peers").size() == 3);
        assertThat(texts(list(peers.path("peers")), "id"))
                .containsExactlyInAnyOrder(expertPeer, first.path("peerId").asString(), second.path("peerId").asString());

        expertWs.send(Map.of("type", "signal", "dialogId", live.id, "to", second.path("peerId").asString(),
                "description", Map.of("type", "offer", "sdp", "v=0\r\n")));
        JsonNode offer = secondTab.await(type("signal"));
        assertThat(offer.path("from").asString()).isEqualTo(expertPeer);
        firstTab.send(Map.of("type", "ping"));
        firstTab.awaitType("pong");
        assertThat(firstTab.received(type("signal"))).as("the other tab sees nothing of it").isEmpty();

        secondTab.kill();
        expertWs.await(f -> type("peers").test(f) && f.path("peers").size() == 2);
        expertWs.send(Map.of("type", "signal", "dialogId", live.id, "to", first.path("peerId").asString(),
                "description", Map.of("type", "offer", "sdp", "v=0\r\n")));
        assertThat(firstTab.await(type("signal")).path("from").asString()).as("the first tab streams on").isEqualTo(expertPeer);
    }

    @Test
    void aPageOnANewSocketCarriesOnAsTheSamePeerSoTheOthersKeepTheirConnections() {
        Shop shop = shop("anna");
        Api anna = shop.online("anna");
        LiveStream live = LiveStream.start(shop, anna, "Hana Host");
        Socket expertWs = live.socket(anna);
        String expertPeer = joinStream(expertWs, live.id).path("peerId").asString();
        Socket oldSocket = live.socket(live.host);
        String hostPeer = joinStream(oldSocket, live.id).path("peerId").asString();
        expertWs.await(f -> type("peers").test(f) && f.path("peers").size() == 2);

        // The page's socket dropped without the server noticing yet; the page reconnects and names its peer id.
        Socket newSocket = live.socket(live.host);
        newSocket.send(Map.of("type", "stream", "dialogId", live.id, "peerId", hostPeer));
        assertThat(newSocket.await(type("stream")).path("peerId").asString()).isEqualTo(hostPeer);
        expertWs.send(Map.of("type", "signal", "dialogId", live.id, "to", hostPeer,
                "candidate", Map.of("candidate", "candidate:1 1 udp 2122260223 10.0.0.2 50000 typ host", "sdpMid", "0", "sdpMLineIndex", 0)));
        assertThat(newSocket.await(type("signal")).path("from").asString()).isEqualTo(expertPeer);

        oldSocket.kill();
        Socket probe = live.inStream(live.host); // a third page: its own peer, and the host's page is still there
        JsonNode peers = expertWs.await(f -> type("peers").test(f) && f.path("peers").size() == 3);
        assertThat(texts(list(peers.path("peers")), "id")).contains(hostPeer, expertPeer);
        probe.close();

        // Someone else's peer id cannot be taken over.
        Socket intruder = live.socket(anna);
        intruder.send(Map.of("type", "stream", "dialogId", live.id, "peerId", hostPeer));
        assertThat(intruder.await(type("stream")).path("peerId").asString()).isNotEqualTo(hostPeer);
    }

    @Test
    void anExpertOnCameraInAnotherDialogIsNamedElsewhereNotGone() {
        Shop shop = shop("anna");
        Api anna = shop.online("anna");
        LiveStream first = LiveStream.start(shop, anna, "Hana Host");
        LiveStream second = LiveStream.start(shop, anna, "Olli Other");
        String expertId = first.you(anna, true).path("participantId").asString();
        Socket hostWs = first.socket(first.host);
        joinStream(hostWs, first.id);
        Socket console = first.socket(anna);
        joinStream(console, first.id);
        hostWs.await(f -> type("peers").test(f) && f.path("peers").size() == 2);

        // The expert turns to the second dialog: out of the first stream, into the second.
        console.send(Map.of("type", "unsubscribe", "dialogId", first.id));
        console.send(Map.of("type", "subscribe", "dialogId", second.id, "afterSeq", 0));
        console.await(type("subscribed"));
        joinStream(console, second.id);
        JsonNode away = hostWs.await(f -> type("peers").test(f) && f.path("peers").size() == 1
                && f.path("elsewhere").size() == 1);
        assertThat(away.path("elsewhere").get(0).asString()).isEqualTo(expertId);

        // The second dialog ends: the expert is on camera nowhere, so no longer elsewhere.
        hostWs.discard(type("peers")); // what was announced before
        assertThat(anna.post(second.staffPath() + "/end", null).status()).isEqualTo(200);
        JsonNode ended = hostWs.await(f -> type("peers").test(f) && f.path("elsewhere").isEmpty());
        assertThat(ended.path("peers").size()).isEqualTo(1);

        // And back: in the first stream again.
        hostWs.discard(type("peers"));
        console.send(Map.of("type", "subscribe", "dialogId", first.id, "afterSeq", 0));
        console.await(type("subscribed"));
        joinStream(console, first.id);
        JsonNode back = hostWs.await(f -> type("peers").test(f) && f.path("peers").size() == 2);
        assertThat(back.path("elsewhere").isEmpty()).as("back on camera here: " + back).isTrue();
    }

    private static JsonNode joinStream(Socket socket, String dialogId) {
        socket.send(Map.of("type", "stream", "dialogId", dialogId));
        return socket.await(type("stream"));
    }

    private static java.util.List<JsonNode> list(JsonNode array) {
        java.util.List<JsonNode> nodes = new java.util.ArrayList<>();
        array.forEach(nodes::add);
        return nodes;
    }

    @Test
    void badSignalsAreRefusedAndTheConnectionStaysUsable() {
        Shop shop = shop("anna");
        Api anna = shop.online("anna");
        LiveStream live = LiveStream.start(shop, anna, "Hana Host");
        Socket hostWs = live.socket(live.host);
        String expertId = live.host.get(live.path()).body().path("dialog").path("expert").path("participantId").asString();
        hostWs.send(Map.of("type", "signal", "dialogId", live.id, "to", expertId, "description", Map.of("type", "offer", "sdp", "v=0")));
        assertThat(hostWs.await(type("error")).path("code").asString()).as("not in the stream yet").isEqualTo("not_in_stream");
        hostWs.send(Map.of("type", "stream", "dialogId", live.id));
        hostWs.await(type("stream"));
        hostWs.send(Map.of("type", "signal", "dialogId", live.id, "to", expertId));
        assertThat(hostWs.await(type("error")).path("message").asString()).contains("exactly one of description and candidate");
        hostWs.send(Map.of("type", "signal", "dialogId", live.id, "to", expertId, "description", Map.of("type", "hello", "sdp", "")));
        assertThat(hostWs.await(type("error")).path("code").asString()).isEqualTo("invalid");
        hostWs.send(Map.of("type", "signal", "dialogId", live.id, "to", expertId, "description", Map.of("type", "offer", "sdp", "v=0")));
        assertThat(hostWs.await(type("error")).path("code").asString()).as("the expert is not connected").isEqualTo("peer_left");

        Socket stranger = Socket.connect(shop.shopper("Stranger"));
        stranger.send(Map.of("type", "hello", "token", shop.shopper("Stranger").token()));
        stranger.awaitType("welcome");
        stranger.send(Map.of("type", "stream", "dialogId", live.id));
        assertThat(stranger.await(type("error")).path("code").asString()).isEqualTo("invalid");

        hostWs.send(Map.of("type", "say", "dialogId", live.id, "text", "still works"));
        assertThat(hostWs.await(f -> "event".equals(f.path("type").asString()) && "MESSAGE".equals(f.path("kind").asString()))
                .path("text").asString()).isEqualTo("still works");
    }

    @Test
    void anInviteLinkExpires() throws InterruptedException {
        Shop shop = shop("anna");
        LiveStream live = LiveStream.start(shop, shop.online("anna"), "Hana Host");
        String link = live.invite();
        Thread.sleep(1500);
        var expired = live.tryJoin(link, "Late");
        assertThat(expired.status()).isEqualTo(404);
        assertThat(expired.body().path("detail").asString()).contains("expired");
        assertThat(live.tryJoin(live.invite(), "On time").status()).as("a new link works again").isEqualTo(200);
    }

}
