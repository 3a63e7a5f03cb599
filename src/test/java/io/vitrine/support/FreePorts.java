package io.vitrine.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for test servers whose port must be known before they start (a mail server named in the application's
 * settings) and that start and stop several times in one JVM.
 * <p>
 * A port taken from the system's ephemeral range ({@code new ServerSocket(0)}) is free only at that moment: any
 * outgoing connection of the same run may later get it as its local port (a pool's database connection holds it for
 * minutes), and the server can then no longer bind it. These ports are taken below that range, where the system
 * never hands out ports by itself.
 */
public final class FreePorts {

    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    /** Linux's default start of the ephemeral range, used where the system does not say. */
    private static final int DEFAULT_EPHEMERAL_START = 32768;
    private static final int SPAN = 12_000;
    /** Handed out in this JVM: never twice, though a test server may not have bound its port yet. */
    private static final Set<Integer> GIVEN = ConcurrentHashMap.newKeySet();

    private FreePorts() {}

    /** A port on 127.0.0.1 that is free now and outside the ephemeral range. */
    public static int outsideEphemeralRange() {
        int end = ephemeralStart();
        if (end - SPAN < 1024) {
            return anyFree();
        }
        int start = end - SPAN;
        // A random start, so that test JVMs running side by side rarely try the same ports.
        int offset = ThreadLocalRandom.current().nextInt(SPAN);
        for (int i = 0; i < SPAN; i++) {
            int port = start + (offset + i) % SPAN;
            if (!GIVEN.contains(port) && isFree(port) && GIVEN.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("No free port between " + start + " and " + (end - 1));
    }

    private static int ephemeralStart() {
        try {
            return Integer.parseInt(Files.readString(EPHEMERAL_RANGE).trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return DEFAULT_EPHEMERAL_START;
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int anyFree() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
