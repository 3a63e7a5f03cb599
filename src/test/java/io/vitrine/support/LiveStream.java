package io.vitrine.support;

import static io.vitrine.support.Socket.type;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** A live dialog between a Host and an expert, with helpers to invite and seat Guests. */
public final class LiveStream {

    public final IntegrationTest.Shop shop;
    public final String id;
    public final Api host;
    public final Api expert;

    private LiveStream(IntegrationTest.Shop shop, String id, Api host, Api expert) {
        this.shop = shop;
        this.id = id;
        this.host = host;
        this.expert = expert;
    }

    /** A new Host requests a dialog and the (online) expert accepts it as soon as it is offered. */
    public static LiveStream start(IntegrationTest.Shop shop, Api expert, String hostName) {
        return start(shop, expert, shop.shopper(hostName));
    }

    /** As {@link #start(IntegrationTest.Shop, Api, String)}, with a Host made by the caller (one who gave an email address, say). */
    public static LiveStream start(IntegrationTest.Shop shop, Api expert, Api host) {
        var requested = host.post("/api/v1/widget/me/dialogs", Map.of());
        if (requested.status() != 201) {
            throw new IllegalStateException("Request failed: " + requested.raw());
        }
        String id = requested.body().path("id").asString();
        Instant deadline = Instant.now().plusSeconds(10);
        Api.Response accepted;
        do {
            accepted = expert.post("/api/v1/dialogs/" + id + "/accept", null);
            if (accepted.status() == 200) {
                return new LiveStream(shop, id, host, expert);
            }
            sleep(Duration.ofMillis(100));
        } while (Instant.now().isBefore(deadline));
        throw new IllegalStateException("The expert never got the offer: " + accepted.raw());
    }

    public String path() {
        return "/api/v1/widget/me/dialogs/" + id;
    }

    public String staffPath() {
        return "/api/v1/dialogs/" + id;
    }

    /** The Host's invite link. */
    public String invite() {
        var created = host.post(path() + "/invite", null);
        if (created.status() != 201) {
            throw new IllegalStateException("Invite failed: " + created.raw());
        }
        return created.body().path("url").asString();
    }

    public static String tokenOf(String inviteUrl) {
        return inviteUrl.substring(inviteUrl.lastIndexOf('/') + 1);
    }

    /** Someone new opens the link and clicks Ready with this screen name. */
    public Api.Response tryJoin(String inviteUrl, String screenName) {
        return Api.anonymous(shop.test().port).post("/api/v1/widget/invites/" + tokenOf(inviteUrl) + "/join",
                Map.of("screenName", screenName));
    }

    public Api join(String inviteUrl, String screenName) {
        var joined = tryJoin(inviteUrl, screenName);
        if (joined.status() != 200) {
            throw new IllegalStateException("Join failed: " + joined.raw());
        }
        return Api.withToken(shop.test().port, joined.body().path("token").asString());
    }

    /** The caller's place in the dialog, as the widget or console reads it. */
    public JsonNode you(Api who, boolean staff) {
        return who.get(staff ? staffPath() : path()).body().path("you");
    }

    /** A socket of a shopper (after hello) or of staff, subscribed to the dialog. */
    public Socket socket(Api who) {
        Socket socket = Socket.connect(who);
        if (who.token() != null) {
            socket.send(Map.of("type", "hello", "token", who.token()));
        }
        socket.awaitType("welcome");
        socket.send(Map.of("type", "subscribe", "dialogId", id, "afterSeq", 0));
        socket.await(type("subscribed"));
        return socket;
    }

    /** As {@link #socket}, then joined to the media stream; returns the socket after the {@code stream} answer. */
    public Socket inStream(Api who) {
        Socket socket = socket(who);
        socket.send(Map.of("type", "stream", "dialogId", id));
        socket.await(type("stream"));
        return socket;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
