package io.vitrine.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.support.Api;
import io.vitrine.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The frames that close the socket instead of getting an error frame, each with the code docs/protocol.md gives. */
class ClosingFramesIntegrationTest extends IntegrationTest {

    private static final Duration CLOSE_WITHIN = Duration.ofSeconds(10);

    private RawSocket socket;

    @BeforeEach
    void shopperSaidHello() throws Exception {
        Api shopper = shop().shopper("Alex");
        socket = RawSocket.open(port);
        socket.sendText("{\"type\":\"hello\",\"token\":\"" + shopper.token() + "\"}");
        assertThat(socket.awaitText(CLOSE_WITHIN)).contains("\"welcome\"");
    }

    @Test
    void shouldCloseWith1003OnABinaryFrame() throws Exception {
        socket.sendFrame(0x2, new byte[] {1, 2, 3});
        assertThat(socket.awaitClose(CLOSE_WITHIN)).isEqualTo(1003);
    }

    @Test
    void shouldCloseWith1007OnTextThatIsNotUtf8() throws Exception {
        socket.sendFrame(0x1, new byte[] {'{', (byte) 0xc3, 0x28, '}'});
        assertThat(socket.awaitClose(CLOSE_WITHIN)).isEqualTo(1007);
    }

    @Test
    void shouldCloseWith1009OnAFrameLargerThan80KiB() throws Exception {
        socket.sendText("{\"type\":\"ping\",\"padding\":\"" + "x".repeat(81_920) + "\"}");
        assertThat(socket.awaitClose(CLOSE_WITHIN)).isEqualTo(1009);
    }

    @Test
    void shouldAnswerTheLargestLegalFrameWithoutClosing() throws Exception {
        String line = "a=candidate-padding-0123456789\r\n";
        String sdp = "v=0\r\n" + line.repeat((65_536 - 5) / line.length());
        String frame = "{\"type\":\"signal\",\"dialogId\":\"" + UUID.randomUUID() + "\",\"to\":\"" + UUID.randomUUID()
                + "\",\"description\":{\"type\":\"offer\",\"sdp\":\"" + sdp.replace("\r\n", "\\r\\n") + "\"}}";
        assertThat(frame.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(69_000);
        socket.sendText(frame);
        assertThat(socket.awaitText(CLOSE_WITHIN)).contains("\"error\"").contains("not_in_stream");
        socket.sendText("{\"type\":\"ping\"}");
        assertThat(socket.awaitText(CLOSE_WITHIN)).contains("\"pong\"");
    }
}
