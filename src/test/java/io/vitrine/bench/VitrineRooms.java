package io.vitrine.bench;

import io.vitrine.support.Api;
import io.vitrine.support.LiveStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * Rooms of six on a running Vitrine in demo mode, made the way users make them: a Host asks for an expert, one of
 * the demo experts (online, console open) accepts, the Host creates an invite link and four Guests join through it.
 * Each member then opens its own socket, says hello (shoppers) and subscribes to the dialog.
 */
final class VitrineRooms {

    private static final List<String> EXPERTS = List.of("anna@demo.test", "ben@demo.test");

    private final int port;
    private final List<Api> experts = new ArrayList<>();
    private final List<BenchSocket> consoles = new ArrayList<>();

    VitrineRooms(int port) {
        this.port = port;
    }

    List<Room> create(int count) throws InterruptedException {
        allowRoomsPerExpert((count + EXPERTS.size() - 1) / EXPERTS.size());
        for (String email : EXPERTS) {
            Api expert = Api.staff(port, email, "demo-expert");
            BenchSocket console = BenchSocket.open(java.net.http.HttpClient.newHttpClient(), ws(), expert.cookieHeader());
            console.await("\"welcome\"", Duration.ofSeconds(30));
            consoles.add(console);
            check(expert.put("/api/v1/me/presence", Map.of("status", "ONLINE")), 200);
            experts.add(expert);
        }
        List<Room> rooms = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rooms.add(room(i));
        }
        return rooms;
    }

    private Room room(int index) throws InterruptedException {
        Api host = shopper("Host " + index);
        var requested = check(host.post("/api/v1/widget/me/dialogs", Map.of()), 201);
        String id = requested.body().path("id").asString();
        Api expert = accept(id);
        var invite = check(host.post("/api/v1/widget/me/dialogs/" + id + "/invite", null), 201);
        String inviteToken = LiveStream.tokenOf(invite.body().path("url").asString());
        List<Room.Member> members = new ArrayList<>();
        members.add(staff(expert, id));
        members.add(shopperMember(host.token(), id));
        for (int g = 0; g < 4; g++) {
            var joined = check(Api.anonymous(port).post("/api/v1/widget/invites/" + inviteToken + "/join",
                    Map.of("screenName", "Guest " + index + "-" + g)), 200);
            members.add(shopperMember(joined.body().path("token").asString(), id));
        }
        return new Room(id, members);
    }

    /** Whichever expert was offered the request accepts it (routing offers it to one of them). */
    private Api accept(String dialogId) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            for (Api expert : experts) {
                if (expert.post("/api/v1/dialogs/" + dialogId + "/accept", null).status() == 200) {
                    return expert;
                }
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("No expert got the offer of " + dialogId);
    }

    private void allowRoomsPerExpert(int rooms) {
        Api admin = Api.staff(port, "admin@demo.test", "demo-admin");
        ObjectNode settings = (ObjectNode) check(admin.get("/api/v1/merchant"), 200).body().path("settings");
        settings.put("expertCapacity", rooms);
        check(admin.put("/api/v1/merchant/settings", settings), 200);
    }

    /** The demo merchant asks for a name and an email address. */
    private Api shopper(String name) {
        var created = check(Api.anonymous(port).post("/api/v1/widget/demo/shoppers", Map.of("screenName", name,
                "name", name, "email", name.replace(' ', '.').toLowerCase() + "@example.test", "consent", true)), 201);
        return Api.withToken(port, created.body().path("token").asString());
    }

    private Room.Member shopperMember(String token, String dialogId) {
        return new Room.Member(ws(), null, List.of(new Room.Handshake(Api.JSON.writeValueAsString(
                        Map.of("type", "hello", "token", token)), "\"welcome\""), subscribe(dialogId)), sayPrefix(dialogId));
    }

    private Room.Member staff(Api expert, String dialogId) {
        return new Room.Member(ws(), expert.cookieHeader(),
                List.of(new Room.Handshake(null, "\"welcome\""), subscribe(dialogId)), sayPrefix(dialogId));
    }

    private static Room.Handshake subscribe(String dialogId) {
        return new Room.Handshake("{\"type\":\"subscribe\",\"dialogId\":\"" + dialogId + "\",\"afterSeq\":0}", "\"subscribed\"");
    }

    private static String sayPrefix(String dialogId) {
        return "{\"type\":\"say\",\"dialogId\":\"" + dialogId + "\",\"text\":\"";
    }

    private URI ws() {
        return URI.create("ws://localhost:" + port + "/ws");
    }

    private static Api.Response check(Api.Response response, int status) {
        if (response.status() != status) {
            throw new IllegalStateException("Expected " + status + ": " + response.raw());
        }
        return response;
    }

    void close() {
        consoles.forEach(BenchSocket::abort);
    }
}
