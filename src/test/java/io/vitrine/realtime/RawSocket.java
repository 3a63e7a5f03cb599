package io.vitrine.realtime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket client written by hand on a plain TCP socket, so a test can do what browsers never do: stop reading,
 * send binary or broken frames, or never say hello. Reads only what the test asks for.
 */
final class RawSocket implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    private RawSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.in = socket.getInputStream();
    }

    /** Connects and completes the handshake; {@code receiveBuffer} small keeps what the kernel absorbs small. */
    static RawSocket open(int port, int receiveBuffer) throws IOException {
        return open(port, receiveBuffer, null);
    }

    /** Connects from the given loopback address (127.0.0.x), so one test can play many clients. */
    static RawSocket open(int port, int receiveBuffer, String from) throws IOException {
        var socket = new Socket();
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        if (from != null) {
            socket.bind(new InetSocketAddress(from, 0));
        }
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        socket.setSoTimeout(10_000);
        var raw = new RawSocket(socket);
        raw.handshake(port);
        return raw;
    }

    static RawSocket open(int port) throws IOException {
        return open(port, 0);
    }

    private void handshake(int port) throws IOException {
        byte[] nonce = new byte[16];
        ThreadLocalRandom.current().nextBytes(nonce);
        String request = "GET /ws HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce) + "\r\nSec-WebSocket-Version: 13\r\n\r\n";
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        var head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("Handshake cut short: " + head);
            }
            head.write(b);
        }
        if (!head.toString(StandardCharsets.US_ASCII).startsWith("HTTP/1.1 101")) {
            throw new IOException("Handshake refused: " + head);
        }
    }

    void sendText(String text) throws IOException {
        sendFrame(0x1, text.getBytes(StandardCharsets.UTF_8));
    }

    /** One masked, final frame with the given opcode (1 text, 2 binary). */
    synchronized void sendFrame(int opcode, byte[] payload) throws IOException {
        var frame = new ByteArrayOutputStream();
        frame.write(0x80 | opcode);
        if (payload.length < 126) {
            frame.write(0x80 | payload.length);
        } else if (payload.length < 65_536) {
            frame.write(0x80 | 126);
            frame.write(payload.length >>> 8);
            frame.write(payload.length);
        } else {
            frame.write(0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                frame.write((int) ((long) payload.length >>> shift));
            }
        }
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        frame.writeBytes(mask);
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ mask[i % 4]);
        }
        out.write(frame.toByteArray());
        out.flush();
    }

    /**
     * The next text message, put together from its fragments (the server writes a long message in several frames);
     * fails when the server closes first.
     */
    String awaitText(Duration timeout) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
        ByteArrayOutputStream message = null;
        while (true) {
            int first = in.read();
            if (first < 0) {
                throw new IOException("Closed before a text frame");
            }
            byte[] payload = readPayload();
            int opcode = first & 0x0f;
            if (opcode == 0x8) {
                int code = payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005;
                throw new IOException("Closed (" + code + ") before a text frame");
            }
            if (opcode == 0x1 || (opcode == 0x0 && message != null)) {
                if (message == null) {
                    message = new ByteArrayOutputStream();
                }
                message.writeBytes(payload);
                if ((first & 0x80) != 0) {
                    return message.toString(StandardCharsets.UTF_8);
                }
            }
        }
    }

    private byte[] readPayload() throws IOException {
        int second = in.read();
        long length = second & 0x7f;
        if (length == 126) {
            length = (in.read() << 8) | in.read();
        } else if (length == 127) {
            length = 0;
            for (int i = 0; i < 8; i++) {
                length = (length << 8) | in.read();
            }
        }
        return in.readNBytes((int) length);
    }

    /**
     * Reads frames until the server's close frame and returns its status code; -1 when the server dropped the
     * connection without one. Text frames on the way are skipped.
     */
    int awaitClose(Duration timeout) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
        while (true) {
            int first = in.read();
            if (first < 0) {
                return -1;
            }
            byte[] payload = readPayload();
            if ((first & 0x0f) == 0x8) {
                return payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005;
            }
        }
    }

    /** True once the server has let go of the connection: a write is refused (reset) or the stream ended. */
    boolean isDropped() {
        try {
            sendText("{\"type\":\"ping\"}");
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already gone
        }
    }
}
