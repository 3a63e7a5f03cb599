package io.vitrine.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.support.Api;
import io.vitrine.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Only dialogs that had an expert ask for a rating. */
class RatingIntegrationTest extends IntegrationTest {

    @Test
    void shouldNotAskForARatingOfARequestCancelledBeforeAnyoneAnswered() {
        Shop shop = shop("anna");
        shop.online("anna");
        Api alex = shop.shopper("Alex");
        String id = alex.post("/api/v1/widget/me/dialogs", Map.of()).body().path("id").asString();

        var cancelled = alex.post("/api/v1/widget/me/dialogs/" + id + "/end", null);

        assertThat(cancelled.body().path("status").asString()).isEqualTo("ENDED");
        assertThat(cancelled.body().path("rateable").asBoolean(true)).isFalse();
        var refused = alex.post("/api/v1/widget/me/dialogs/" + id + "/rating", Map.of("score", 1));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().path("code").asString()).isEqualTo("nothing_to_rate");
        assertThat(refused.body().path("detail").asString()).contains("No expert took part");
    }

    @Test
    void shouldAskForARatingOnceAnExpertTookPart() throws InterruptedException {
        Shop shop = shop("anna");
        Api anna = shop.online("anna");
        Api alex = shop.shopper("Alex");
        String id = alex.post("/api/v1/widget/me/dialogs", Map.of()).body().path("id").asString();
        awaitAccepted(anna, id);

        var ended = alex.post("/api/v1/widget/me/dialogs/" + id + "/end", null);

        assertThat(ended.body().path("rateable").asBoolean()).isTrue();
        assertThat(alex.post("/api/v1/widget/me/dialogs/" + id + "/rating", Map.of("score", 5)).status()).isEqualTo(200);
        assertThat(alex.get("/api/v1/widget/me/dialogs/" + id).body().path("dialog").path("rating").asInt()).isEqualTo(5);
    }

    /** The offer reaches Anna right after the request is routed; accepting may need a moment. */
    private static void awaitAccepted(Api expert, String id) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (expert.post("/api/v1/dialogs/" + id + "/accept", null).status() != 200) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The request was never offered to the expert");
            }
            Thread.sleep(100);
        }
    }
}
