package io.vitrine.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The Node {@code ws} room server of bench/node-room, installed with {@code npm ci} and run as its own process. */
final class NodeRoomServer implements AutoCloseable {

    private static final Path DIR = Path.of("bench", "node-room");

    private final int port;
    private final Process process;

    NodeRoomServer() throws IOException, InterruptedException {
        if (!Files.isDirectory(DIR.resolve("node_modules"))) {
            Process install = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(DIR.toFile())
                    .inheritIO().start();
            if (install.waitFor() != 0) {
                throw new IllegalStateException("npm ci failed in " + DIR);
            }
        }
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        var builder = new ProcessBuilder("node", "server.js").directory(DIR.toFile()).redirectErrorStream(true);
        builder.environment().put("PORT", Integer.toString(port));
        process = builder.start();
        var output = new BufferedReader(new InputStreamReader(process.getInputStream()));
        String line = output.readLine();
        if (line == null || !line.contains("listening")) {
            throw new IllegalStateException("The Node room server did not start: " + line);
        }
        Thread.ofVirtual().start(() -> output.lines().forEach(l -> { }));
    }

    long pid() {
        return process.pid();
    }

    /** Rooms of six on this server: each member joins by the room's name and says into it. */
    List<Room> rooms(int count) {
        List<Room> rooms = new ArrayList<>();
        for (int r = 0; r < count; r++) {
            String id = "room-" + r;
            List<Room.Member> members = new ArrayList<>();
            for (int m = 0; m < 6; m++) {
                members.add(new Room.Member(URI.create("ws://localhost:" + port), null,
                        List.of(new Room.Handshake("{\"type\":\"join\",\"room\":\"" + id + "\"}", "\"subscribed\"")),
                        "{\"type\":\"say\",\"dialogId\":\"" + id + "\",\"from\":\"m" + m + "\",\"text\":\""));
            }
            rooms.add(new Room(id, members));
        }
        return rooms;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
