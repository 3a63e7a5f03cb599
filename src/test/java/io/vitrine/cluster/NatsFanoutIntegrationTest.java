package io.vitrine.cluster;

import static io.vitrine.support.Socket.event;
import static io.vitrine.support.Socket.type;
import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.merchant.Merchant;
import io.vitrine.support.Api;
import io.vitrine.support.IntegrationTest;
import io.vitrine.support.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Two nodes in cluster mode on one database and one NATS: a shopper served by node A and an expert served by node B
 * work together as if there were one node.
 */
class NatsFanoutIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private ClusterNodes cluster;
    private ConfigurableApplicationContext a;
    private ConfigurableApplicationContext b;

    @BeforeEach
    void startNodes() {
        ClusterNodes.requireNats();
        cluster = new ClusterNodes();
        a = cluster.start();
        b = cluster.start();
    }

    @AfterEach
    void stopNodes() {
        if (cluster != null) {
            cluster.close();
        }
    }

    /** The shopper's request, made on node A; the expert's console on node B is offered it and accepts. */
    record Chat(String dialogId, Api shopper, Api expert, Socket shopperWs, Socket expertWs) {}

    @Test
    void aShopperOnOneNodeAndAnExpertOnTheOtherChatInOrderWithoutDuplicates() {
        Chat chat = startChat();
        for (int i = 1; i <= 5; i++) {
            chat.shopperWs().send(Map.of("type", "say", "dialogId", chat.dialogId(), "text", "from shopper " + i));
            chat.expertWs().send(Map.of("type", "say", "dialogId", chat.dialogId(), "text", "from expert " + i));
        }
        // A last message from each side: it follows any echo of the earlier ones, so a duplicate would be seen.
        chat.shopperWs().send(Map.of("type", "say", "dialogId", chat.dialogId(), "text", "from shopper done"));
        chat.expertWs().send(Map.of("type", "say", "dialogId", chat.dialogId(), "text", "from expert done"));
        for (Socket socket : List.of(chat.shopperWs(), chat.expertWs())) {
            List<JsonNode> seen = messagesUntilBothDone(socket);
            assertThat(seen).as("each message once").hasSize(12);
            assertThat(seen.stream().map(f -> f.path("seq").asLong()).toList()).as("in order, once each")
                    .isSorted().doesNotHaveDuplicates();
            assertThat(texts(seen, "from shopper")).containsExactly("from shopper 1", "from shopper 2",
                    "from shopper 3", "from shopper 4", "from shopper 5", "from shopper done");
            assertThat(texts(seen, "from expert")).containsExactly("from expert 1", "from expert 2",
                    "from expert 3", "from expert 4", "from expert 5", "from expert done");
        }
    }

    private static List<JsonNode> messagesUntilBothDone(Socket socket) {
        List<JsonNode> seen = new java.util.ArrayList<>();
        while (texts(seen, "from").stream().filter(t -> t.endsWith(" done")).count() < 2) {
            seen.add(socket.await(event("MESSAGE"), WAIT));
        }
        socket.send(Map.of("type", "ping"));
        socket.await(type("pong"), WAIT);
        seen.addAll(socket.received(event("MESSAGE")));
        return seen;
    }

    @Test
    void streamPeersAreKnownOnEveryNodeAndSignalsReachTheAddressedConnectionOnTheOtherNode() {
        Chat chat = startChat();
        String expertPeer = joinStream(chat.expertWs(), chat.dialogId());
        String shopperPeer = joinStream(chat.shopperWs(), chat.dialogId());
        for (Socket socket : List.of(chat.shopperWs(), chat.expertWs())) {
            socket.await(f -> type("peers").test(f) && peerIds(f).containsAll(List.of(expertPeer, shopperPeer)), WAIT);
        }
        Socket secondTab = subscribed(cluster.socket(chat.expert()), chat.dialogId());
        String secondPeer = joinStream(secondTab, chat.dialogId());
        chat.shopperWs().await(f -> type("peers").test(f) && peerIds(f).size() == 3, WAIT);

        chat.shopperWs().send(Map.of("type", "signal", "dialogId", chat.dialogId(), "to", expertPeer,
                "candidate", Map.of("candidate", "candidate:1 1 udp 2122260223 10.0.0.2 50000 typ host",
                        "sdpMid", "0", "sdpMLineIndex", 0)));
        JsonNode signal = chat.expertWs().await(type("signal"), WAIT);
        assertThat(signal.path("from").asString()).isEqualTo(shopperPeer);
        assertThat(signal.path("candidate").path("sdpMid").asString()).isEqualTo("0");
        secondTab.send(Map.of("type", "ping"));
        secondTab.await(type("pong"), WAIT);
        assertThat(secondTab.received(type("signal"))).as("the other connection sees nothing of it").isEmpty();

        chat.expertWs().send(Map.of("type", "signal", "dialogId", chat.dialogId(), "to", shopperPeer,
                "description", Map.of("type", "offer", "sdp", "v=0\r\n")));
        assertThat(chat.shopperWs().await(type("signal"), WAIT).path("from").asString()).isEqualTo(expertPeer);

        chat.shopperWs().discard(type("peers")); // those from before the second tab joined match too
        secondTab.kill();
        chat.shopperWs().await(f -> type("peers").test(f) && peerIds(f).size() == 2
                && !peerIds(f).contains(secondPeer), WAIT);

        // Text only, switched through node A: the expert's peer on node B leaves the stream too.
        assertThat(chat.shopper().post("/api/v1/widget/me/dialogs/" + chat.dialogId() + "/mode",
                Map.of("mode", "TEXT")).status()).isEqualTo(200);
        for (Socket socket : List.of(chat.shopperWs(), chat.expertWs())) {
            socket.await(f -> type("peers").test(f) && peerIds(f).isEmpty(), WAIT);
        }
    }

    @Test
    void aGuestWhoReconnectsThroughTheOtherNodeStaysInTheDialog() {
        Chat chat = startChat();
        String url = chat.shopper().post("/api/v1/widget/me/dialogs/" + chat.dialogId() + "/invite", null)
                .body().path("url").asString();
        var joined = Api.anonymous(ClusterNodes.port(a)).post("/api/v1/widget/invites/"
                + url.substring(url.lastIndexOf('/') + 1) + "/join", Map.of("screenName", "Gia"));
        assertThat(joined.status()).as(joined.raw()).isEqualTo(200);
        String token = joined.body().path("token").asString();
        Socket onA = subscribed(cluster.socket(Api.withToken(ClusterNodes.port(a), token)), chat.dialogId());
        Socket onB = subscribed(cluster.socket(Api.withToken(ClusterNodes.port(b), token)), chat.dialogId());

        onA.kill(); // the Guest's page now talks to node B only
        Instant graceOver = Instant.now().plus(ClusterNodes.GRACE.multipliedBy(2));
        assertNoFrameUntil(chat.expertWs(), event("LEFT"), graceOver); // the Guest is still connected, through B
        onB.kill();
        Instant closedB = Instant.now();
        JsonNode left = chat.expertWs().await(event("LEFT"), WAIT);
        assertThat(Instant.parse(left.path("at").asString())).as("gone once the last connection closed")
                .isAfter(closedB);
    }

    private static void assertNoFrameUntil(Socket socket, java.util.function.Predicate<JsonNode> match,
            Instant until) {
        JsonNode unexpected;
        try {
            unexpected = socket.await(match, Duration.between(Instant.now(), until));
        } catch (AssertionError timedOut) {
            return;
        }
        throw new AssertionError("Unexpected frame before " + until + ": " + unexpected);
    }

    private static String joinStream(Socket socket, String dialogId) {
        return ClusterChats.joinStream(socket, dialogId).path("peerId").asString();
    }

    private static List<String> peerIds(JsonNode peers) {
        return ClusterChats.peerIds(peers);
    }

    Chat startChat() {
        Merchant shop = ClusterNodes.shop(a);
        Api expert = Api.staff(ClusterNodes.port(b), "anna@" + shop.slug() + ".test", IntegrationTest.PASSWORD);
        var chat = ClusterChats.chat(cluster, a, shop, expert, ClusterChats.onlineConsole(cluster, expert), "Sam");
        return new Chat(chat.dialogId(), chat.shopper(), chat.expert(), chat.shopperWs(), chat.expertWs());
    }

    private static Socket subscribed(Socket socket, String dialogId) {
        return ClusterChats.subscribed(socket, dialogId);
    }

    private static List<String> texts(List<JsonNode> frames, String prefix) {
        return frames.stream().map(f -> f.path("text").asString()).filter(t -> t.startsWith(prefix)).toList();
    }
}
