package io.vitrine.realtime;

import static io.vitrine.support.Socket.type;
import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.shared.Actor;
import io.vitrine.dialog.DialogApi;
import io.vitrine.support.Api;
import io.vitrine.support.IntegrationTest;
import io.vitrine.support.LiveStream;
import io.vitrine.support.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** However many members write at once, every client sees the dialog's events once each, in sequence order. */
class EventOrderIntegrationTest extends IntegrationTest {

    private static final int WRITERS = 8;
    private static final int MESSAGES_EACH = 40;

    @Autowired
    DialogApi dialogs;

    @Test
    void shouldDeliverEverySequenceInOrderWithoutGapsToEveryClient() throws Exception {
        var shop = shop("anna");
        Api anna = shop.online("anna");
        LiveStream live = LiveStream.start(shop, anna, "Hana Host");
        Api guest = live.join(live.invite(), "Gia");
        List<Socket> clients = List.of(subscribed(Socket.connect(live.host), live, live.host.token()),
                subscribed(Socket.connect(guest), live, guest.token()), subscribed(Socket.connect(anna), live, null));
        long first = clients.getFirst().await(type("subscribed"), Duration.ofSeconds(30)).path("lastSeq").asLong();
        clients.stream().skip(1).forEach(c -> c.await(type("subscribed"), Duration.ofSeconds(30)));

        write(UUID.fromString(live.id), new Actor.Staff(shop.memberId("anna"), shop.merchant().id(), false));

        long last = first + (long) WRITERS * MESSAGES_EACH;
        for (Socket client : clients) {
            client.await(f -> type("event").test(f) && f.path("seq").asLong() == last, Duration.ofSeconds(60));
            List<Long> seqs = new ArrayList<>();
            for (JsonNode event : client.received(type("event"))) {
                if (event.path("seq").asLong() > first) {
                    seqs.add(event.path("seq").asLong());
                }
            }
            seqs.add(last);
            List<Long> expected = new ArrayList<>();
            for (long seq = first + 1; seq <= last; seq++) {
                expected.add(seq);
            }
            assertThat(seqs).as("sequences as one client received them").containsExactlyElementsOf(expected);
            client.close();
        }
    }

    /** Many threads write at once, as many members' sockets would. */
    private void write(UUID dialogId, Actor actor) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        var go = new CountDownLatch(1);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            writers.add(pool.submit(() -> {
                go.await();
                for (int i = 0; i < MESSAGES_EACH; i++) {
                    dialogs.say(dialogId, actor, "writer " + writer + " message " + i, null);
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> writer : writers) {
            writer.get();
        }
        pool.shutdown();
    }

    private static Socket subscribed(Socket socket, LiveStream live, String token) {
        if (token != null) {
            socket.send(Map.of("type", "hello", "token", token));
        }
        socket.awaitType("welcome");
        socket.send(Map.of("type", "subscribe", "dialogId", live.id, "afterSeq", 0));
        return socket;
    }
}
