package io.vitrine.realtime;

import static io.vitrine.support.Socket.type;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vitrine.dialog.Actor;
import io.vitrine.dialog.DialogApi;
import io.vitrine.support.Api;
import io.vitrine.support.IntegrationTest;
import io.vitrine.support.LiveStream;
import io.vitrine.support.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A Guest whose socket stops reading slows down nobody else, and is let go. */
class SlowReaderIntegrationTest extends IntegrationTest {

    private static final int ROUNDS = 60;
    private static final long ROUND_NANOS = Duration.ofMillis(120).toNanos();

    @Autowired
    DialogApi dialogs;

    @Test
    void shouldKeepTheDialogFlowingWhileAGuestStopsReadingAndThenDropThatGuest() throws Exception {
        var shop = shop("anna");
        Api anna = shop.online("anna");
        LiveStream live = LiveStream.start(shop, anna, "Hana Host");
        Api guest = live.join(live.invite(), "Gia");
        UUID dialogId = UUID.fromString(live.id);
        var expertActor = new Actor.Staff(shop.memberId("anna"), shop.merchant().id(), false);
        for (int i = 0; i < 150; i++) {
            dialogs.say(dialogId, expertActor, "catalogue page " + i + " " + "x".repeat(1900), null);
        }
        Socket host = subscribed(Socket.connect(live.host), live, live.host.token());
        Socket expert = subscribed(Socket.connect(anna), live, null);

        // The Guest asks for the whole timeline again and again and never reads any of it.
        RawSocket stuck = RawSocket.open(port, 4096);
        stuck.sendText("{\"type\":\"hello\",\"token\":\"" + guest.token() + "\"}");
        for (int i = 0; i < 20; i++) {
            stuck.sendText("{\"type\":\"subscribe\",\"dialogId\":\"" + live.id + "\",\"afterSeq\":0}");
        }

        List<Long> latencies = chat(host, expert, live.id);
        Collections.sort(latencies);
        long p50 = latencies.get(latencies.size() / 2) / 1_000_000;
        long p99 = latencies.get((int) Math.ceil(latencies.size() * 0.99) - 1) / 1_000_000;
        long start = System.nanoTime();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(stuck::isDropped);
        long droppedAfter = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("Slow reader: say->event p50 %d ms, p99 %d ms, max %d ms over %d messages; stuck socket dropped %d ms after the chat%n",
                p50, p99, latencies.getLast() / 1_000_000, latencies.size(), droppedAfter);
        assertThat(p99).as("p99 say->event latency in ms").isLessThan(100);
        stuck.close();
        host.close();
        expert.close();
    }

    private static Socket subscribed(Socket socket, LiveStream live, String token) {
        if (token != null) {
            socket.send(Map.of("type", "hello", "token", token));
        }
        socket.awaitType("welcome");
        socket.send(Map.of("type", "subscribe", "dialogId", live.id, "afterSeq", 0));
        socket.await(type("subscribed"), Duration.ofSeconds(30));
        return socket;
    }

    /** Host and expert take turns; each message is timed from sending to its arrival at the other one. */
    private static List<Long> chat(Socket host, Socket expert, String dialogId) {
        List<Long> latencies = new ArrayList<>();
        long next = System.nanoTime();
        for (int i = 0; i < ROUNDS; i++) {
            LockSupport.parkNanos(next - System.nanoTime());
            next += ROUND_NANOS;
            Socket from = i % 2 == 0 ? host : expert;
            Socket to = i % 2 == 0 ? expert : host;
            String ref = "r-" + i;
            long sent = System.nanoTime();
            from.send(Map.of("type", "say", "dialogId", dialogId, "text", "message " + i, "clientRef", ref));
            to.await(f -> ref.equals(f.path("clientRef").asString()), Duration.ofSeconds(60));
            latencies.add(System.nanoTime() - sent);
        }
        return latencies;
    }
}
