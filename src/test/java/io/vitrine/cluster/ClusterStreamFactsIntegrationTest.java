package io.vitrine.cluster;

import static io.vitrine.cluster.ClusterChats.WAIT;
import static io.vitrine.support.Socket.type;
import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.merchant.Merchant;
import io.vitrine.support.Api;
import io.vitrine.support.IntegrationTest;
import io.vitrine.support.Socket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * What a stream's participants are told about each other comes out the same whichever node holds their sockets:
 * who is on camera in another dialog ({@code elsewhere}), and the microphone and camera a newcomer learns of.
 */
class ClusterStreamFactsIntegrationTest {

    private ClusterNodes cluster;
    private ConfigurableApplicationContext a;
    private ConfigurableApplicationContext b;
    private Merchant shop;
    private Api expert;
    private Socket console;

    @BeforeEach
    void startNodes() {
        ClusterNodes.requireNats();
        cluster = new ClusterNodes();
        a = cluster.start();
        b = cluster.start();
        shop = ClusterNodes.shop(a);
        expert = Api.staff(ClusterNodes.port(b), "anna@" + shop.slug() + ".test", IntegrationTest.PASSWORD);
        console = ClusterChats.onlineConsole(cluster, expert);
    }

    @AfterEach
    void stopNodes() {
        if (cluster != null) {
            cluster.close();
        }
    }

    /** The Host's page is on node A; the expert's console, turning from one dialog to another, on node B. */
    @Test
    void anExpertOnCameraInAnotherDialogThroughTheOtherNodeIsNamedElsewhereNotGone() {
        var first = ClusterChats.chat(cluster, a, shop, expert, console, "Hana Host");
        var second = ClusterChats.chat(cluster, a, shop, expert, console, "Olli Other");
        Socket hostWs = first.shopperWs();
        ClusterChats.joinStream(hostWs, first.dialogId());
        String expertId = ClusterChats.joinStream(console, first.dialogId()).path("you").asString();
        hostWs.await(f -> type("peers").test(f) && f.path("peers").size() == 2, WAIT);

        // The expert turns to the second dialog: out of the first stream, into the second.
        console.send(Map.of("type", "unsubscribe", "dialogId", first.dialogId()));
        ClusterChats.joinStream(console, second.dialogId());
        JsonNode away = hostWs.await(f -> type("peers").test(f) && f.path("peers").size() == 1
                && f.path("elsewhere").size() == 1, WAIT);
        assertThat(away.path("elsewhere").get(0).asString()).isEqualTo(expertId);

        // The second dialog ends (on node B): the expert is on camera nowhere, so no longer elsewhere. Earlier
        // peers frames (the expert here, before turning away) would match too, so only later ones count.
        hostWs.discard(type("peers"));
        assertThat(expert.post("/api/v1/dialogs/" + second.dialogId() + "/end", null).status()).isEqualTo(200);
        JsonNode ended = hostWs.await(f -> type("peers").test(f) && f.path("elsewhere").isEmpty(), WAIT);
        assertThat(ended.path("peers").size()).isEqualTo(1);

        // And back: in the first stream again.
        hostWs.discard(type("peers"));
        ClusterChats.subscribed(console, first.dialogId());
        ClusterChats.joinStream(console, first.dialogId());
        JsonNode back = hostWs.await(f -> type("peers").test(f) && f.path("peers").size() == 2, WAIT);
        assertThat(back.path("elsewhere").isEmpty()).as("back on camera here: " + back).isTrue();
    }

    /**
     * The shopper types and switches mic and camera through node A: the console on node B sees it, and a page that
     * joins the stream later on node B learns the last state.
     */
    @Test
    void whatAShopperAnnouncesOnOneNodeReachesTheOtherAndANewcomerThereLearnsTheLastMicAndCamera() {
        var chat = ClusterChats.chat(cluster, a, shop, expert, console, "Sam");
        String shopperId = ClusterChats.joinStream(chat.shopperWs(), chat.dialogId()).path("you").asString();
        chat.shopperWs().send(Map.of("type", "typing", "dialogId", chat.dialogId()));
        assertThat(console.await(type("typing"), WAIT).path("participantId").asString()).isEqualTo(shopperId);
        chat.shopperWs().send(Map.of("type", "media", "dialogId", chat.dialogId(), "mic", false, "camera", false));
        chat.shopperWs().send(Map.of("type", "media", "dialogId", chat.dialogId(), "mic", true, "camera", false));
        // The console follows the dialog: the announcements reach it through NATS, in order.
        console.await(f -> type("media").test(f) && !f.path("mic").asBoolean(), WAIT);
        console.await(f -> type("media").test(f) && f.path("mic").asBoolean(), WAIT);

        Socket newcomer = ClusterChats.subscribed(cluster.socket(expert), chat.dialogId());
        ClusterChats.joinStream(newcomer, chat.dialogId());
        JsonNode told = newcomer.await(f -> type("media").test(f)
                && shopperId.equals(f.path("participantId").asString()), WAIT);
        assertThat(List.of(told.path("mic").asBoolean(), told.path("camera").asBoolean()))
                .as("the shopper's last announcement, made on the other node").containsExactly(true, false);
    }
}
