package io.vitrine.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.reliability.ServerProcess;
import io.vitrine.support.Api;
import io.vitrine.support.PostgresSchema;
import io.vitrine.support.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Two Vitrine processes on one PostgreSQL schema and one NATS, behind HAProxy with {@code deploy/haproxy.cfg}
 * (round-robin, no stickiness). A shopper on node A and an expert on node B chat, stream and shop together with a
 * Guest; then node A is killed with SIGKILL while the expert keeps writing. The shopper and the Guest come back
 * through the proxy on the surviving node within five seconds and see every event once, in order; a new shopper's
 * request is still offered and accepted.
 */
@Tag("reliability")
class ClusterFailoverReliabilityTest {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(6); // generous: the machine may be busy
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration RECONNECT_LIMIT = Duration.ofSeconds(5);
    private static final String EXPERT = "anna@demo.test";
    private static final String EXPERT_PASSWORD = "demo-expert";

    @Test
    void clientsOfAKilledNodeResumeThroughTheProxyOnAnotherNodeWithNothingLost(@TempDir Path dir) throws Exception {
        ClusterNodes.requireNats();
        Haproxy.requireInstalled();
        try (var postgres = PostgresSchema.create("vitrine_cluster_").requireReachable()) {
            List<String> args = new ArrayList<>(postgres.serverArguments());
            args.addAll(List.of("--vitrine.cluster.mode=nats", "--vitrine.cluster.nats-url=" + ClusterNodes.NATS_URL,
                    "--vitrine.cluster.heartbeat=300ms", "--vitrine.routing.tick-interval=200ms",
                    // Everyone here connects from 127.0.0.1: the per-address budgets must not hold the test back.
                    "--vitrine.realtime.limits.address-frames-per-second=1000",
                    "--vitrine.realtime.limits.address-burst=1000",
                    "--vitrine.realtime.limits.unauthenticated-per-address=1000"));
            try (var a = new ServerProcess(Files.createDirectories(dir.resolve("a")), args);
                    var b = new ServerProcess(Files.createDirectories(dir.resolve("b")), args)) {
                a.start(START_TIMEOUT); // first alone: it creates the schema
                b.start(START_TIMEOUT);
                try (var proxy = Haproxy.start(dir, List.of(a.port(), b.port()), WAIT)) {
                    failover(a, b, proxy);
                }
            }
        }
    }

    private void failover(ServerProcess a, ServerProcess b, Haproxy proxy) throws Exception {
        // The expert's console on node B, the shopper and the Guest on node A; everything else through the proxy.
        Api expert = Api.staff(b.port(), EXPERT, EXPERT_PASSWORD);
        Socket console = consoleOnline(expert);
        Api shopper = demoShopper(a.port(), "Sam");
        String dialogId = request(shopper);
        accept(expert, console, dialogId);

        DialogClient expertPage = DialogClient.staff("expert", expert, dialogId).open(b.port());
        DialogClient shopperPage = DialogClient.shopper("shopper", shopper.token(), dialogId).open(a.port());
        expertPage.say("Welcome, how can I help?");
        shopperPage.say("Do you have it in blue?");
        shopperPage.awaitShown(text("Welcome, how can I help?"), WAIT);
        expertPage.awaitShown(text("Do you have it in blue?"), WAIT);

        // Live video across nodes: both see each other's peer; offer, answer and candidates reach the other node.
        String expertPeer = joinStream(expertPage, dialogId, null);
        String shopperPeer = joinStream(shopperPage, dialogId, null);
        awaitPeers(expertPage, dialogId, List.of(expertPeer, shopperPeer));
        awaitPeers(shopperPage, dialogId, List.of(expertPeer, shopperPeer));
        relays(expertPage, shopperPage, dialogId, expertPeer, shopperPeer);

        // Co-op: a Guest joins through the invite link (through the proxy), follows the dialog on node A.
        String guestToken = guestJoins(shopper, proxy.port(), dialogId);
        DialogClient guestPage = DialogClient.shopper("guest", guestToken, dialogId).open(a.port());
        String guestPeer = joinStream(guestPage, dialogId, null);
        awaitPeers(expertPage, dialogId, List.of(expertPeer, shopperPeer, guestPeer));
        guestPage.say("Hi, I am Gia");
        expertPage.awaitShown(text("Hi, I am Gia"), WAIT);

        // The expert keeps writing while node A dies under the shopper and the Guest.
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger written = new AtomicInteger();
        Thread writer = Thread.ofPlatform().name("expert-writer").start(() -> {
            while (!stop.get()) {
                expertPage.say("Line " + written.incrementAndGet());
                // A few lines a second, as a quick typist writes: faster would run into the participant's frame
                // budget (15 per second), whose refusals this writer does not wait for.
                java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
            }
        });
        try {
            awaitCount(written, 10);
            Instant killed = Instant.now();
            assertThat(a.kill()).as("exit status of a JVM killed by SIGKILL").isEqualTo(ServerProcess.SIGKILL_EXIT);
            Instant died = Instant.now();
            Duration noticed = Duration.between(killed, shopperPage.awaitClosed(WAIT));
            // Both pages find their way back at the same time, as two browsers would.
            var shopperReturn = CompletableFuture.supplyAsync(() -> shopperPage.reconnect(proxy.port(), killed, WAIT));
            var guestReturn = CompletableFuture.supplyAsync(() -> {
                guestPage.awaitClosed(WAIT);
                return guestPage.reconnect(proxy.port(), killed, WAIT);
            });
            Duration shopperBack = shopperReturn.join();
            Duration guestBack = guestReturn.join();
            int writtenAtReturn = written.get();
            awaitCount(written, writtenAtReturn + 10);
            stop.set(true);
            writer.join(WAIT);
            System.out.printf("cluster failover: SIGKILL to resumed through HAProxy: shopper %d ms, Guest %d ms "
                    + "(the JVM was gone after %d ms, the shopper's socket closed after %d ms); expert wrote %d lines "
                    + "meanwhile%n", shopperBack.toMillis(), guestBack.toMillis(),
                    Duration.between(killed, died).toMillis(), noticed.toMillis(), written.get());
            assertThat(shopperBack).as("shopper back within 5 s").isLessThan(RECONNECT_LIMIT);
            assertThat(guestBack).as("Guest back within 5 s").isLessThan(RECONNECT_LIMIT);
        } finally {
            stop.set(true);
        }
        String last = "Line " + written.get();
        shopperPage.awaitShown(text(last), WAIT);
        guestPage.awaitShown(text(last), WAIT);
        shopperPage.say("Back again");
        expertPage.awaitShown(text("Back again"), WAIT);

        // The pages rejoin the stream on node B (as new peers there); the dead node's peers are forgotten.
        String shopperAgain = joinStream(shopperPage, dialogId, shopperPeer);
        String guestAgain = joinStream(guestPage, dialogId, guestPeer);
        awaitPeers(expertPage, dialogId, List.of(expertPeer, shopperAgain, guestAgain));

        Api hostThroughProxy = Api.withToken(proxy.port(), shopper.token());
        for (DialogClient page : List.of(shopperPage, guestPage, expertPage)) {
            nothingLostTwiceOrOutOfOrder(page, hostThroughProxy, dialogId, written.get());
        }
        assertThat(expertPage.shown().stream().map(e -> e.path("kind").asString()))
                .as("the Guest and the Host never counted as gone").doesNotContain("LEFT");

        // Routing goes on: a new request, made through the proxy, is offered to the expert and accepted.
        Api next = demoShopper(proxy.port(), "Nia");
        String nextDialog = request(next);
        accept(expert, console, nextDialog);
        DialogClient.shopper("next", next.token(), nextDialog).open(proxy.port())
                .awaitShown(f -> "ACCEPTED".equals(f.path("kind").asString()), WAIT);
    }

    /** Each page showed every event of the stored timeline, once, in the stored order. */
    private static void nothingLostTwiceOrOutOfOrder(DialogClient page, Api host, String dialogId, int lines) {
        List<JsonNode> stored = io.vitrine.reliability.TranscriptPages.read(host, "/api/v1/widget/me/dialogs/" + dialogId);
        List<Long> storedSeqs = stored.stream().map(e -> e.path("seq").asLong()).toList();
        List<JsonNode> shown = page.shown();
        assertThat(page.duplicates()).as("%s: events shown twice", page.name).isZero();
        assertThat(page.gaps()).as("%s: events skipped or out of order", page.name).isZero();
        assertThat(page.resets()).as("%s: resets", page.name).isZero();
        List<Long> shownSeqs = shown.stream().map(e -> e.path("seq").asLong()).toList();
        assertThat(shownSeqs).as("%s: shown = stored, in order", page.name)
                .isEqualTo(storedSeqs.subList(storedSeqs.size() - shownSeqs.size(), storedSeqs.size()));
        List<String> expertLines = shown.stream().map(e -> e.path("text").asString(""))
                .filter(t -> t.startsWith("Line ")).toList();
        assertThat(expertLines).as("%s: every line of the expert, once, in order", page.name)
                .isEqualTo(java.util.stream.IntStream.rangeClosed(1, lines).mapToObj(i -> "Line " + i).toList());
    }

    private static Socket consoleOnline(Api expert) {
        Socket console = Socket.connect(expert);
        console.awaitType("welcome");
        assertThat(expert.put("/api/v1/me/presence", Map.of("status", "ONLINE")).status()).isEqualTo(200);
        return console;
    }

    private static String request(Api shopper) {
        var requested = shopper.post("/api/v1/widget/me/dialogs", Map.of());
        assertThat(requested.status()).as(requested.raw()).isEqualTo(201);
        return requested.body().path("id").asString();
    }

    /** Waits until the console shows the request offered to the expert (by either node's router), then accepts. */
    private static void accept(Api expert, Socket console, String dialogId) {
        console.await(f -> Socket.type("staffQueue").test(f) && offered(f, dialogId), WAIT);
        var accepted = expert.post("/api/v1/dialogs/" + dialogId + "/accept", null);
        assertThat(accepted.status()).as(accepted.raw()).isEqualTo(200);
    }

    private static boolean offered(JsonNode staffQueue, String dialogId) {
        for (JsonNode entry : staffQueue.path("waiting")) {
            if (dialogId.equals(entry.path("dialogId").asString()) && !entry.path("offeredTo").isNull()
                    && !entry.path("offeredTo").isMissingNode()) {
                return true;
            }
        }
        return false;
    }

    private static Api demoShopper(int port, String name) {
        var created = Api.anonymous(port).post("/api/v1/widget/demo/shoppers", Map.of("screenName", name,
                "name", name, "email", name.toLowerCase() + "@example.test", "consent", true));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return Api.withToken(port, created.body().path("token").asString());
    }

    private static String guestJoins(Api host, int proxyPort, String dialogId) {
        var invite = Api.withToken(proxyPort, host.token()).post("/api/v1/widget/me/dialogs/" + dialogId + "/invite", null);
        assertThat(invite.status()).as(invite.raw()).isEqualTo(201);
        String url = invite.body().path("url").asString();
        var joined = Api.anonymous(proxyPort).post("/api/v1/widget/invites/" + url.substring(url.lastIndexOf('/') + 1)
                + "/join", Map.of("screenName", "Gia"));
        assertThat(joined.status()).as(joined.raw()).isEqualTo(200);
        return joined.body().path("token").asString();
    }

    private static String joinStream(DialogClient page, String dialogId, String previousPeer) {
        Map<String, Object> frame = new java.util.HashMap<>(Map.of("type", "stream", "dialogId", dialogId));
        if (previousPeer != null) {
            frame.put("peerId", previousPeer);
        }
        page.send(frame);
        return page.await(f -> DialogClient.is(f, "stream"), WAIT).path("peerId").asString();
    }

    private static void awaitPeers(DialogClient page, String dialogId, List<String> peers) {
        page.await(f -> DialogClient.is(f, "peers") && dialogId.equals(f.path("dialogId").asString())
                && peerIds(f).size() == peers.size() && peerIds(f).containsAll(peers), WAIT);
    }

    private static List<String> peerIds(JsonNode peers) {
        List<String> ids = new ArrayList<>();
        peers.path("peers").forEach(p -> ids.add(p.path("id").asString()));
        return ids;
    }

    /** Offer, answer and a candidate each way, between the two nodes, reach exactly the addressed peer. */
    private static void relays(DialogClient expert, DialogClient shopper, String dialogId, String expertPeer,
            String shopperPeer) {
        expert.send(Map.of("type", "signal", "dialogId", dialogId, "to", shopperPeer,
                "description", Map.of("type", "offer", "sdp", "v=0\r\no=expert\r\n")));
        JsonNode offer = shopper.await(f -> DialogClient.is(f, "signal"), WAIT);
        assertThat(offer.path("from").asString()).isEqualTo(expertPeer);
        assertThat(offer.path("description").path("sdp").asString()).contains("o=expert");
        shopper.send(Map.of("type", "signal", "dialogId", dialogId, "to", expertPeer,
                "description", Map.of("type", "answer", "sdp", "v=0\r\no=shopper\r\n")));
        JsonNode answer = expert.await(f -> DialogClient.is(f, "signal"), WAIT);
        assertThat(answer.path("from").asString()).isEqualTo(shopperPeer);
        assertThat(answer.path("description").path("type").asString()).isEqualTo("answer");
        for (var pair : List.of(List.of(expert, shopper, shopperPeer, expertPeer), List.of(shopper, expert, expertPeer, shopperPeer))) {
            DialogClient from = (DialogClient) pair.get(0);
            DialogClient to = (DialogClient) pair.get(1);
            from.send(Map.of("type", "signal", "dialogId", dialogId, "to", pair.get(2), "candidate", Map.of(
                    "candidate", "candidate:1 1 udp 2122260223 10.0.0.2 50000 typ host", "sdpMid", "0", "sdpMLineIndex", 0)));
            JsonNode candidate = to.await(f -> DialogClient.is(f, "signal"), WAIT);
            assertThat(candidate.path("from").asString()).isEqualTo(pair.get(3));
            assertThat(candidate.path("candidate").path("sdpMid").asString()).isEqualTo("0");
        }
    }

    private static Predicate<JsonNode> text(String text) {
        return f -> text.equals(f.path("text").asString(null));
    }

    private static void awaitCount(AtomicInteger count, int atLeast) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (count.get() < atLeast) {
            assertThat(Instant.now()).as("%d lines written in time (have %d)", atLeast, count.get()).isBefore(deadline);
            Thread.sleep(20);
        }
    }
}
