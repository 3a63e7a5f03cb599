package io.vitrine.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vitrine.support.Api;
import io.vitrine.support.IntegrationTest;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Sockets that never say hello are let go after a few seconds, and one address cannot hoard them. */
@Tag("reliability")
class UnauthenticatedSocketsIntegrationTest extends IntegrationTest {

    private static final int ADDRESSES = 20;
    private static final int PER_ADDRESS = 50;

    @Test
    void shouldCloseSilentSocketsAtTheHelloDeadlineAndGiveTheirMemoryBack() throws Exception {
        long baseline = heapAfterGc();
        List<RawSocket> silent = new ArrayList<>();
        long opened = System.nanoTime();
        for (int i = 0; i < ADDRESSES * PER_ADDRESS; i++) {
            silent.add(RawSocket.open(port, 0, "127.0.0." + (10 + i % ADDRESSES)));
        }
        long openMillis = (System.nanoTime() - opened) / 1_000_000;
        long whileOpen = heapAfterGc();

        for (RawSocket socket : silent) {
            assertThat(socket.awaitClose(Duration.ofSeconds(30))).as("close code").isEqualTo(1008);
        }
        long allClosedAfter = (System.nanoTime() - opened) / 1_000_000;
        silent.forEach(RawSocket::close);
        silent.clear();
        long[] after = {0};
        long settling = System.nanoTime();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> (after[0] = heapAfterGc()) - baseline < 40L << 20);
        long settledAfter = (System.nanoTime() - settling) / 1_000_000;

        System.out.printf("Silent sockets: 1000 opened in %d ms; heap baseline %d MB, with them open %d MB, "
                + "all closed %d ms after the first opened, heap back to %d MB %d ms later%n",
                openMillis, baseline >> 20, whileOpen >> 20, allClosedAfter, after[0] >> 20, settledAfter);
        assertThat(allClosedAfter).as("every socket closed within the 5 s deadline (plus opening time)")
                .isLessThan(openMillis + 15_000);
    }

    @Test
    void shouldRefuseMoreUnauthenticatedSocketsFromOneAddressUntilOneSaysHello() throws Exception {
        Api shopper = shop().shopper("Alex");
        List<RawSocket> waiting = new ArrayList<>();
        for (int i = 0; i < PER_ADDRESS; i++) {
            waiting.add(RawSocket.open(port, 0, "127.0.0.77"));
        }
        try (RawSocket oneTooMany = RawSocket.open(port, 0, "127.0.0.77");
                RawSocket otherAddress = RawSocket.open(port, 0, "127.0.0.78")) {
            assertThat(oneTooMany.awaitClose(Duration.ofSeconds(10))).as("close code").isEqualTo(1013);
            otherAddress.sendText("{\"type\":\"hello\",\"token\":\"" + shopper.token() + "\"}");
            assertThat(otherAddress.awaitText(Duration.ofSeconds(10))).contains("\"welcome\"");
        }
        waiting.getFirst().sendText("{\"type\":\"hello\",\"token\":\"" + shopper.token() + "\"}");
        assertThat(waiting.getFirst().awaitText(Duration.ofSeconds(10))).contains("\"welcome\"");
        try (RawSocket nowWelcome = RawSocket.open(port, 0, "127.0.0.77")) {
            nowWelcome.sendText("{\"type\":\"ping\"}");
            assertThat(nowWelcome.awaitText(Duration.ofSeconds(10))).contains("\"pong\"");
        }
        waiting.forEach(RawSocket::close);
    }

    private static long heapAfterGc() {
        var memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
