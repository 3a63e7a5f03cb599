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
        Socket expertWs = live.inStream(anna);
        Socket hostWs = live.inStream(live.host);
        Socket guestWs = live.inStream(guest);
        String hostId = live.you(live.host, false).path("participantId").asString();
        String guestId = live.you(guest, false).path("participantId").asString();
        String expertId = live.you(anna, true).path("participantId").asString();
        for (int size = 1; size <= 3; size++) {
            int expected = size;
            expertWs.await(f -> type("peers").test(f) && f.path("peers").size() == expected);
        }

        String bigOffer = "v=0\r\n" + "a=candidate-padding\r\n".repeat(1500) + "m=video 9 UDP/TLS/RTP/SAVPF 96\r\na=sendrecv\r\n";
        assertThat(bigOffer.length()).as("larger than the container's default frame").isGreaterThan(30_000);
        expertWs.send(Map.of("type", "signal", "dialogId", live.id, "to", guestId,
                "description", Map.of("type", "offer", "sdp", bigOffer)));
        JsonNode offer = guestWs.await(type("signal"));
        assertThat(offer.path("from").asString()).isEqualTo(expertId);
        assertThat(offer.path("description").path("sdp").asString()).isEqualTo(bigOffer);

        guestWs.send(Map.of("type", "signal", "dialogId", live.id, "to", expertId,
                "candidate", Map.of("candidate", "candidate:1 1 udp 2122260223 10.0.0.2 50000 typ host", "sdpMid", "0", "sdpMLineIndex", 0)));
        JsonNode candidate = expertWs.await(type("signal"));
        assertThat(candidate.path("from").asString()).isEqualTo(guestId);
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
        assertThat(strings(peers.path("peers"))).containsExactlyInAnyOrder(hostId, expertId);
        expertWs.send(Map.of("type", "signal", "dialogId", live.id, "to", guestId,
                "description", Map.of("type", "offer", "sdp", "v=0")));
        assertThat(expertWs.await(type("error")).path("code").asString()).isEqualTo("not_in_stream");

        assertThat(live.host.post(live.path() + "/mode", Map.of("mode", "TEXT")).status()).isEqualTo(200);
        expertWs.await(f -> type("peers").test(f) && f.path("peers").isEmpty());
        hostWs.send(Map.of("type", "stream", "dialogId", live.id));
        assertThat(hostWs.await(type("error")).path("code").asString()).isEqualTo("text_only");
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
        assertThat(hostWs.await(type("error")).path("code").asString()).as("the expert is not connected").isEqualTo("not_in_stream");

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
