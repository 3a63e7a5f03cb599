package io.vitrine.dialog;

import io.vitrine.shared.DialogRole;

import static io.vitrine.support.Socket.event;
import static io.vitrine.support.Socket.type;
import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.merchant.MerchantSettings;
import io.vitrine.support.Api;
import io.vitrine.support.IntegrationTest;
import io.vitrine.support.LiveStream;
import io.vitrine.support.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/**
 * Every cell of the permission matrix (docs/permissions.md), tried against the running server: for each seat and
 * each action the real endpoint or socket frame is used, and the outcome must match {@link PermissionMatrix}.
 * Actions whose feature comes later (notifications, appointments) are checked in the permissions the server
 * hands to the widget and console, which decide what they show.
 */
class PermissionMatrixIntegrationTest extends IntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    io.vitrine.catalog.CatalogApi catalog;

    /** Decided today only through the caller's permissions: their endpoints arrive with their features. */
    private static final Set<Permission> POLICY_ONLY = EnumSet.of(Permission.READ_PRIVACY_POLICY,
            Permission.REOPEN_WIDGET, Permission.SUBSCRIBE_NOTIFICATIONS, Permission.SCHEDULE_APPOINTMENT,
            Permission.INVITE_TO_APPOINTMENT,
            Permission.SEE_CART, Permission.ADD_TO_CART, Permission.SUGGEST_PRODUCTS,
            Permission.ADD_REMOVE_PARTICIPANTS);

    private static final String VIDEO_SDP = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n"
            + "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=sendrecv\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\na=sendrecv\r\n";

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = DialogRole.class)
    void everyActionIsAllowedOrRefusedAsTheMatrixSays(DialogRole role) {
        Shop shop = shop(new MerchantSettings("#1f6feb", "bottom-right", "Live", false, List.of(), null, 60, 20, true),
                "anna", "ben");
        // An SMS account, so the shop offers a contact channel and the expert's invite card can go out.
        assertThat(shop.staff("admin").put("/api/v1/channels/settings/twilio", Map.of("accountSid",
                "AC" + UUID.randomUUID().toString().replace("-", ""), "authToken", "twilio-auth-token",
                "numbers", List.of("+1555" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000)))))
                .status()).isEqualTo(200);
        Api anna = shop.online("anna");
        Seats seats = new Seats(shop, new ProductSeats(catalog, shop, anna), anna, shop.staff("admin"), shop.staff("ben"));
        List<String> mismatches = new ArrayList<>();
        for (Permission permission : Permission.values()) {
            boolean expected = PermissionMatrix.allows(role, permission);
            boolean allowed = seats.attempt(role, permission);
            if (allowed != expected) {
                mismatches.add(permission + ": expected " + (expected ? "allowed" : "refused") + " but was "
                        + (allowed ? "allowed" : "refused"));
            }
        }
        assertThat(mismatches).as("cells of the %s column that the server does not enforce", role).isEmpty();
    }


    /** One fresh live dialog per action, with a Host, a Guest, the expert, an admin and a colleague. */
    private static final class Seats {
        private final Shop shop;
        private final ProductSeats products;
        private final Api expert;
        private final Api admin;
        private final Api colleague;
        private LiveStream live;
        private Api guest;

        Seats(Shop shop, ProductSeats products, Api expert, Api admin, Api colleague) {
            this.shop = shop;
            this.products = products;
            this.expert = expert;
            this.admin = admin;
            this.colleague = colleague;
        }

        boolean attempt(DialogRole role, Permission permission) {
            live = LiveStream.start(shop, expert, "Hana Host");
            guest = live.join(live.invite(), "Gus Guest");
            try {
                return attempt(role, who(role), permission);
            } finally {
                admin.post(live.staffPath() + "/end", null);
            }
        }

        private Api who(DialogRole role) {
            return switch (role) {
                case HOST -> live.host;
                case GUEST -> guest;
                case EXPERT -> expert;
                case ADMIN -> admin;
                case COLLEAGUE -> colleague;
            };
        }

        private boolean attempt(DialogRole role, Api who, Permission permission) {
            boolean staff = role == DialogRole.EXPERT || role == DialogRole.ADMIN || role == DialogRole.COLLEAGUE;
            String base = staff ? live.staffPath() : live.path();
            if (POLICY_ONLY.contains(permission)) {
                return strings(live.you(who, staff).path("permissions")).contains(permission.name());
            }
            return switch (permission) {
                case VIEW -> who.get(base).status() == 200;
                case SEE_PARTICIPANTS -> who.get(base).body().path("dialog").path("participants").size() == 3;
                case CHAT -> chat(who);
                case SPEAK -> joinStream(who);
                case PUBLISH_VIDEO -> sendVideo(who);
                case REPORT_PROBLEM -> who.post(base + "/reports", Map.of("text", "The sound is choppy",
                        "context", Map.of("userAgent", "test"))).status() == 201;
                // Creating and revoking are one right: either succeeding counts as allowed.
                case INVITE -> who.post(base + "/invite", null).status() == 201
                        | who.exchange("DELETE", base + "/invite", null).status() == 204;
                case LEAVE -> who.post(base + "/leave", null).status() == 200;
                case END -> who.post(base + "/end", null).status() == 200;
                case RATE -> rate(who, base);
                case SET_MODE -> who.post(base + "/mode", Map.of("mode", "TEXT")).status() == 200;
                case READ_REPORTS -> who.get("/api/v1/reports").status() == 200;
                case INVITE_TO_CONTACTS -> inviteToContacts(who);
                case SHOW_PRODUCT, SEE_CART, ADD_TO_CART, SUGGEST_PRODUCTS, VOTE, PLACE_ORDER ->
                        products.attempt(live, who, permission);
                default -> throw new IllegalStateException("No attempt for " + permission);
            };
        }

        private boolean chat(Api who) {
            try (Socket socket = live.socket(who)) {
                String text = "hello " + UUID.randomUUID();
                socket.send(Map.of("type", "say", "dialogId", live.id, "text", text));
                JsonNode answer = socket.await(f -> event("MESSAGE").test(f) && text.equals(f.path("text").asString())
                        || type("error").test(f));
                return answer.path("type").asString().equals("event");
            }
        }

        /** Allowed when the Host's widget receives the card to join the contacts. */
        private boolean inviteToContacts(Api who) {
            try (Socket widget = live.socket(live.host); Socket sender = who == live.host ? widget : live.socket(who)) {
                sender.send(Map.of("type", "inviteToContacts", "dialogId", live.id));
                if (sender.await(f -> type("contactInvite").test(f) || type("error").test(f)).path("type").asString()
                        .equals("error")) {
                    return false;
                }
                return widget.await(type("contactInvite")).path("dialogId").asString().equals(live.id);
            }
        }

        private boolean joinStream(Api who) {
            try (Socket socket = live.socket(who)) {
                socket.send(Map.of("type", "stream", "dialogId", live.id));
                return socket.await(f -> type("stream").test(f) || type("error").test(f)).path("type").asString()
                        .equals("stream");
            }
        }

        /** Offers video to another peer of the stream; allowed when that peer receives the offer. */
        private boolean sendVideo(Api who) {
            Api other = who == expert ? live.host : expert;
            try (Socket receiver = live.inStream(other); Socket sender = live.socket(who)) {
                sender.send(Map.of("type", "stream", "dialogId", live.id));
                JsonNode stream = sender.await(f -> type("stream").test(f) || type("error").test(f));
                if (!stream.path("type").asString().equals("stream")) {
                    return false;
                }
                String to = texts(java.util.stream.StreamSupport.stream(stream.path("peers").spliterator(), false).toList(), "id")
                        .stream().filter(p -> !p.equals(stream.path("peerId").asString())).findFirst().orElseThrow();
                sender.send(Map.of("type", "signal", "dialogId", live.id, "to", to,
                        "description", Map.of("type", "offer", "sdp", VIDEO_SDP)));
                try {
                    receiver.await(type("signal"), Duration.ofSeconds(2));
                    return true;
                } catch (AssertionError nothingArrived) {
                    return false;
                }
            }
        }

        private boolean rate(Api who, String base) {
            admin.post(live.staffPath() + "/end", null);
            return who.post(base + "/rating", Map.of("score", 5)).status() == 200;
        }
    }
}
