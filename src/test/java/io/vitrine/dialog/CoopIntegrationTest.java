package io.vitrine.dialog;

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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Co-op shopping through the real endpoints: invite links, Guests joining and leaving, the limit of five. */
class CoopIntegrationTest extends IntegrationTest {

    @Test
    void guestsJoinThroughTheLinkEveryoneSeesItAndTheSixthCustomerIsTurnedAway() {
        Shop shop = shop("anna");
        LiveStream live = LiveStream.start(shop, shop.online("anna"), "Hana Host");
        Socket hostWs = live.socket(live.host);
        String link = live.invite();
        assertThat(link).startsWith("http://localhost:" + port + "/join/");

        var preview = Api.anonymous(port).get("/api/v1/widget/invites/" + LiveStream.tokenOf(link));
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.body().path("merchant").path("name").asString()).isEqualTo(shop.merchant().name());
        assertThat(preview.body().path("expert").path("name").asString()).isEqualTo("Anna Expert");
        assertThat(preview.body().path("customers").asInt()).isEqualTo(1);
        assertThat(preview.body().path("maxCustomers").asInt()).isEqualTo(5);
        assertThat(Api.anonymous(port).get("/join/" + LiveStream.tokenOf(link)).raw())
                .as("the link opens the merchant's widget in join mode").contains("data-invite=\"" + LiveStream.tokenOf(link) + "\"");

        List<Api> guests = new ArrayList<>();
        for (String name : List.of("Gia", "Gus", "Gwen", "Glen")) {
            guests.add(live.join(link, name));
            assertThat(hostWs.await(event("JOINED")).path("author").path("name").asString()).isEqualTo(name);
        }
        JsonNode guestView = guests.getFirst().get(live.path()).body();
        assertThat(guestView.path("you").path("role").asString()).isEqualTo("GUEST");
        assertThat(guestView.path("dialog").path("participants").size()).as("Host, expert and four Guests").isEqualTo(6);

        var sixth = live.tryJoin(link, "Sam");
        assertThat(sixth.status()).isEqualTo(409);
        assertThat(sixth.body().path("code").asString()).isEqualTo("stream_full");
        assertThat(sixth.body().path("detail").asString()).contains("full");
        assertThat(live.host.get(live.path()).body().path("dialog").path("participants").size())
                .as("nothing changed for the others").isEqualTo(6);

        Api gia = guests.getFirst();
        assertThat(gia.post(live.path() + "/leave", null).status()).isEqualTo(200);
        assertThat(hostWs.await(event("LEFT")).path("author").path("name").asString()).isEqualTo("Gia");
        assertThat(live.tryJoin(link, "Sam").status()).as("a seat became free").isEqualTo(200);
        var back = gia.post(live.path() + "/rejoin", null);
        assertThat(back.status()).isEqualTo(409);
        assertThat(back.body().path("code").asString()).isEqualTo("stream_full");
    }

    @Test
    void aRevokedLinkAdmitsNobodyAndANewLinkReplacesTheOld() {
        Shop shop = shop("anna");
        LiveStream live = LiveStream.start(shop, shop.online("anna"), "Hana Host");
        String first = live.invite();
        String second = live.invite();
        assertThat(second).isNotEqualTo(first);
        var old = live.tryJoin(first, "Gia");
        assertThat(old.status()).as("the earlier link stopped working").isEqualTo(404);
        assertThat(old.body().path("code").asString()).isEqualTo("invite_not_found");

        assertThat(live.host.exchange("DELETE", live.path() + "/invite", null).status()).isEqualTo(204);
        var revoked = live.tryJoin(second, "Gus");
        assertThat(revoked.status()).isEqualTo(404);
        assertThat(revoked.body().path("detail").asString()).contains("revoked");
        assertThat(Api.anonymous(port).get("/api/v1/widget/invites/" + LiveStream.tokenOf(second)).status()).isEqualTo(404);
        assertThat(Api.anonymous(port).get("/join/" + LiveStream.tokenOf(second)).status())
                .as("the join page of a dead link is an error page").isEqualTo(404);
        assertThat(live.host.get(live.path()).body().path("dialog").path("participants").size()).isEqualTo(2);
    }

    @Test
    void theLinkDiesWithTheDialogAndEveryParticipantKeepsItInTheirList() {
        Shop shop = shop("anna");
        LiveStream live = LiveStream.start(shop, shop.online("anna"), "Hana Host");
        String link = live.invite();
        Api guest = live.join(link, "Gia");
        var refused = guest.post(live.path() + "/end", null);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body().path("detail").asString()).contains("Only the Host");

        assertThat(live.host.post(live.path() + "/end", null).status()).isEqualTo(200);
        var afterEnd = live.tryJoin(link, "Gus");
        assertThat(afterEnd.status()).isEqualTo(409);
        assertThat(afterEnd.body().path("code").asString()).isEqualTo("ended");

        for (Api shopper : List.of(live.host, guest)) {
            JsonNode list = shopper.get("/api/v1/widget/me/dialogs").body();
            assertThat(list.size()).isEqualTo(1);
            assertThat(list.get(0).path("status").asString()).isEqualTo("ENDED");
        }
        assertThat(guest.post(live.path() + "/rating", Map.of("score", 5)).status()).as("only the Host rates").isEqualTo(403);
        assertThat(live.host.post(live.path() + "/rating", Map.of("score", 5)).status()).isEqualTo(200);
    }

    @Test
    void aShopperWithATokenJoinsAsThemselvesAndJoiningTwiceChangesNothing() {
        Shop shop = shop("anna");
        LiveStream live = LiveStream.start(shop, shop.online("anna"), "Hana Host");
        String link = live.invite();
        Api known = shop.shopper("Kim");
        var joined = known.post("/api/v1/widget/invites/" + LiveStream.tokenOf(link) + "/join", Map.of("screenName", "Kim K"));
        assertThat(joined.status()).isEqualTo(200);
        assertThat(joined.body().path("token").isNull()).as("no new identity for a known shopper").isTrue();
        var again = known.post("/api/v1/widget/invites/" + LiveStream.tokenOf(link) + "/join", Map.of("screenName", "Kim K"));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().path("dialog").path("participants").size()).isEqualTo(3);
        var hostOwnLink = live.host.post("/api/v1/widget/invites/" + LiveStream.tokenOf(link) + "/join", Map.of("screenName", "H"));
        assertThat(hostOwnLink.body().path("dialog").path("participants").size()).as("the Host stays the Host").isEqualTo(3);

        Api otherShop = shop("ben").shopper("Outsider");
        var foreign = otherShop.post("/api/v1/widget/invites/" + LiveStream.tokenOf(link) + "/join", Map.of("screenName", "O"));
        assertThat(foreign.status()).isEqualTo(200);
        assertThat(foreign.body().path("token").asString()).as("a shopper of another shop gets a new identity here").isNotEmpty();
        assertThat(foreign.body().path("shopper").path("merchantId").asString()).isEqualTo(shop.merchant().id().toString());
    }

    @Test
    void badInvitesGetClearErrors() {
        Shop shop = shop("anna");
        LiveStream live = LiveStream.start(shop, shop.online("anna"), "Hana Host");
        String link = live.invite();
        assertThat(live.tryJoin(link, "   ").status()).isEqualTo(400);
        assertThat(live.tryJoin(link, "x".repeat(41)).status()).isEqualTo(400);
        var unknown = Api.anonymous(port).post("/api/v1/widget/invites/not-a-real-token/join", Map.of("screenName", "Gia"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().path("detail").asString()).contains("Ask the Host");
        assertThat(live.host.post(live.path() + "/leave", null).status()).as("the Host ends instead").isEqualTo(403);
        assertThat(live.host.post(live.path() + "/mode", Map.of("mode", "SOMETIMES")).status()).isEqualTo(400);

        Shop noCoop = shop(new MerchantSettings("#1f6feb", "bottom-right", "Live", false, List.of(), null, 60, 3, false), "ben");
        LiveStream solo = LiveStream.start(noCoop, noCoop.online("ben"), "Solo");
        var off = solo.host.post(solo.path() + "/invite", null);
        assertThat(off.status()).isEqualTo(409);
        assertThat(off.body().path("code").asString()).isEqualTo("coop_disabled");
        assertThat(solo.host.get(solo.path()).body().path("dialog").path("coop").asBoolean()).isFalse();
    }

    @Test
    void aGuestWhoseConnectionStaysAwayHasLeftAndMayComeBack() {
        Shop shop = shop("anna");
        LiveStream live = LiveStream.start(shop, shop.online("anna"), "Hana Host");
        Socket hostWs = live.socket(live.host);
        Api guest = live.join(live.invite(), "Gia");
        hostWs.await(event("JOINED"));
        Socket guestWs = live.socket(guest);
        guestWs.kill();
        JsonNode left = hostWs.await(event("LEFT"), Duration.ofSeconds(8));
        assertThat(left.path("author").path("name").asString()).isEqualTo("Gia");
        assertThat(guest.get(live.path()).body().path("you").path("present").asBoolean()).isFalse();
        Socket stale = live.socket(guest);
        stale.send(Map.of("type", "say", "dialogId", live.id, "text", "still here?"));
        assertThat(stale.await(type("error")).path("message").asString()).contains("join again");

        assertThat(guest.post(live.path() + "/rejoin", null).status()).isEqualTo(200);
        assertThat(hostWs.await(event("JOINED")).path("author").path("name").asString()).isEqualTo("Gia");
        stale.send(Map.of("type", "say", "dialogId", live.id, "text", "back again"));
        assertThat(hostWs.await(event("MESSAGE")).path("text").asString()).isEqualTo("back again");
    }
}
