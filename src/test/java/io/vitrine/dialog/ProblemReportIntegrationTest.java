package io.vitrine.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.support.Api;
import io.vitrine.support.IntegrationTest;
import io.vitrine.support.LiveStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Report a problem: participants send, the merchant's admins read, nobody else. */
class ProblemReportIntegrationTest extends IntegrationTest {

    @Test
    void participantsReportAndOnlyTheMerchantsAdminsReadTheReportsWithTheirContext() {
        Shop shop = shop("anna");
        Api anna = shop.online("anna");
        LiveStream live = LiveStream.start(shop, anna, "Hana Host");
        Api guest = live.join(live.invite(), "Gia");
        Map<String, Object> context = Map.of("userAgent", "Mozilla/5.0 (Android 14) Chrome/156", "socket", "live",
                "peers", Map.of("anna", "failed"), "errors", List.of("ICE failed"));
        var filed = guest.post(live.path() + "/reports", Map.of("text", "I cannot hear the expert", "context", context));
        assertThat(filed.status()).isEqualTo(201);
        assertThat(live.host.post(live.path() + "/reports", Map.of("text", "Video freezes")).status()).isEqualTo(201);
        assertThat(anna.post(live.staffPath() + "/reports", Map.of("text", "Host's audio echoes")).status()).isEqualTo(201);

        JsonNode reports = shop.staff("admin").get("/api/v1/reports").body();
        assertThat(reports.size()).isEqualTo(3);
        JsonNode fromGuest = null;
        for (JsonNode report : reports) {
            if (report.path("text").asString().equals("I cannot hear the expert")) {
                fromGuest = report;
            }
        }
        assertThat(fromGuest).isNotNull();
        assertThat(fromGuest.path("reporter").path("name").asString()).isEqualTo("Gia");
        assertThat(fromGuest.path("reporter").path("role").asString()).isEqualTo("GUEST");
        assertThat(fromGuest.path("dialogId").asString()).isEqualTo(live.id);
        assertThat(fromGuest.path("context").path("peers").path("anna").asString()).isEqualTo("failed");
        assertThat(fromGuest.path("context").path("errors").get(0).asString()).isEqualTo("ICE failed");

        var expertReads = anna.get("/api/v1/reports");
        assertThat(expertReads.status()).isEqualTo(403);
        assertThat(expertReads.body().path("detail").asString()).contains("admins");
        assertThat(shop("ben").staff("admin").get("/api/v1/reports").body().size())
                .as("another merchant's admin sees none of them").isZero();
    }

    @Test
    void badReportsAreRefusedClearly() {
        Shop shop = shop("anna");
        LiveStream live = LiveStream.start(shop, shop.online("anna"), "Hana Host");
        assertThat(live.host.post(live.path() + "/reports", Map.of("text", "  ")).status()).isEqualTo(400);
        assertThat(live.host.post(live.path() + "/reports", Map.of("text", "x".repeat(2001))).status()).isEqualTo(400);
        var huge = live.host.post(live.path() + "/reports", Map.of("text", "slow", "context", Map.of("log", "y".repeat(5000))));
        assertThat(huge.status()).isEqualTo(400);
        assertThat(huge.body().path("detail").asString()).contains("4000");
        var outsider = shop.shopper("Outsider").post(live.path() + "/reports", Map.of("text", "hi"));
        assertThat(outsider.status()).as("a dialog one takes no part in looks missing").isEqualTo(404);
        assertThat(shop.staff("admin").get("/api/v1/reports").body().size()).isZero();
    }
}
