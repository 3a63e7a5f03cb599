package io.vitrine.cluster;

import static io.vitrine.support.Socket.event;
import static io.vitrine.support.Socket.type;
import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.merchant.Merchant;
import io.vitrine.merchant.TeamApi;
import io.vitrine.support.Api;
import io.vitrine.support.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/** Steps of a live dialog between nodes of a {@link ClusterNodes} cluster, as raw protocol frames. */
final class ClusterChats {

    static final Duration WAIT = Duration.ofSeconds(30);

    private ClusterChats() {}

    /** A dialog requested by a shopper on one node and accepted by an expert whose console is on another. */
    record Chat(String dialogId, Api shopper, Api expert, Socket shopperWs, Socket expertWs) {}

    /**
     * The shopper {@code screenName} asks on {@code shopperNode}; the expert, whose console socket on
     * {@code expertNode} is given, is offered the request and accepts it. Both follow the dialog afterwards.
     */
    static Chat chat(ClusterNodes cluster, ConfigurableApplicationContext shopperNode, Merchant shop, Api expert,
            Socket console, String screenName) {
        String anna = shopperNode.getBean(TeamApi.class).members(shop.id()).stream()
                .filter(m -> m.email().startsWith("anna@")).findFirst().orElseThrow().id().toString();
        Api shopper = Api.shopper(ClusterNodes.port(shopperNode), shop.slug(), screenName);
        var requested = shopper.post("/api/v1/widget/me/dialogs", Map.of());
        assertThat(requested.status()).as(requested.raw()).isEqualTo(201);
        String dialogId = requested.body().path("id").asString();
        console.await(f -> type("staffQueue").test(f) && offeredTo(f, dialogId, anna), WAIT);
        assertThat(expert.post("/api/v1/dialogs/" + dialogId + "/accept", null).status()).isEqualTo(200);

        Socket shopperWs = subscribed(cluster.socket(shopper), dialogId);
        Socket expertWs = subscribed(console, dialogId);
        shopperWs.await(event("ACCEPTED"), WAIT);
        expertWs.await(event("ACCEPTED"), WAIT);
        return new Chat(dialogId, shopper, expert, shopperWs, expertWs);
    }

    /** The expert {@code anna} of the shop, logged in on the node, with the console open and online. */
    static Socket onlineConsole(ClusterNodes cluster, Api expert) {
        Socket console = cluster.socket(expert);
        assertThat(expert.put("/api/v1/me/presence", Map.of("status", "ONLINE")).status()).isEqualTo(200);
        return console;
    }

    static boolean offeredTo(JsonNode staffQueue, String dialogId, String memberId) {
        for (JsonNode entry : staffQueue.path("waiting")) {
            if (dialogId.equals(entry.path("dialogId").asString())
                    && memberId.equals(entry.path("offeredTo").asString())) {
                return true;
            }
        }
        return false;
    }

    static Socket subscribed(Socket socket, String dialogId) {
        socket.send(Map.of("type", "subscribe", "dialogId", dialogId, "afterSeq", 0));
        socket.await(type("subscribed"), WAIT);
        return socket;
    }

    /** Joins the dialog's stream; returns the {@code stream} answer. */
    static JsonNode joinStream(Socket socket, String dialogId) {
        socket.send(Map.of("type", "stream", "dialogId", dialogId));
        return socket.await(type("stream"), WAIT);
    }

    static List<String> peerIds(JsonNode peers) {
        List<String> ids = new ArrayList<>();
        peers.path("peers").forEach(p -> ids.add(p.path("id").asString()));
        return ids;
    }
}
