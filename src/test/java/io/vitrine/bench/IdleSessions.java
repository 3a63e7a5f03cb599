package io.vitrine.bench;

import io.vitrine.support.Api;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Many sockets that said hello (one shopper of the demo merchant) and then do nothing, held open on a server. */
final class IdleSessions implements AutoCloseable {

    private final List<BenchSocket> sockets = Collections.synchronizedList(new ArrayList<>());
    private final List<HttpClient> clients = new ArrayList<>();

    /** Opens {@code count} sockets, eight at a time, each waiting for its welcome. */
    void open(int port, int count) throws Exception {
        var created = Api.anonymous(port).post("/api/v1/widget/demo/shoppers", Map.of("screenName", "Idle",
                "name", "Idle", "email", "idle@example.test", "consent", true));
        if (created.status() != 201) {
            throw new IllegalStateException(created.raw());
        }
        String hello = Api.JSON.writeValueAsString(Map.of("type", "hello", "token", created.body().path("token").asString()));
        for (int i = 0; i < 8; i++) {
            clients.add(HttpClient.newHttpClient());
        }
        URI uri = URI.create("ws://localhost:" + port + "/ws");
        try (var pool = Executors.newFixedThreadPool(8)) {
            List<Future<?>> openers = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                HttpClient client = clients.get(t);
                int share = count / 8 + (t < count % 8 ? 1 : 0);
                openers.add(pool.submit(() -> {
                    for (int i = 0; i < share; i++) {
                        BenchSocket socket = BenchSocket.open(client, uri, null);
                        socket.send(hello);
                        socket.await("\"welcome\"", Duration.ofSeconds(60));
                        socket.onFrames(frame -> { });
                        sockets.add(socket);
                    }
                    return null;
                }));
            }
            for (Future<?> opener : openers) {
                opener.get();
            }
        }
    }

    @Override
    public void close() {
        sockets.forEach(BenchSocket::abort);
        clients.forEach(HttpClient::close);
    }
}
