package io.vitrine.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.support.Api;
import io.vitrine.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Demo mode is decided when the server starts, not when it is built: with {@code vitrine.demo=false} (the integration
 * tests' setting) the demo controllers are there but none of their paths is served, each answered exactly as an
 * unknown path next to it, and nothing of the demo is seeded.
 */
class DemoModeOffIntegrationTest extends IntegrationTest {

    @Test
    void demoPathsAreAnsweredAsUnknownPathsAndNothingIsSeeded() {
        Api anonymous = Api.anonymous(port);
        anonymous.get("/login"); // a CSRF token, so that a POST gets as far as the path
        for (String path : new String[] {"/demo", "/demo/cart", "/demo/privacy", "/demo/phone", "/demo/inbox",
                "/demo/phone/messages?number=%2B15550123456"}) {
            assertThat(anonymous.get(path).status()).as("GET " + path).isEqualTo(404);
        }
        assertSameAsUnknown(anonymous, "/demo/cart/order", "/demo/cart/unknown");
        assertSameAsUnknown(anonymous, "/demo/phone/messages", "/demo/phone/unknown");
        assertSameAsUnknown(anonymous, "/demo/inbox/00000000-0000-0000-0000-000000000001/reply", "/demo/inbox/unknown/reply");
        assertSameAsUnknown(anonymous, "/demo/providers/twilio/2010-04-01/Accounts/AC1/Messages.json",
                "/demo/providers/twilio/2010-04-01/Accounts/AC1/Unknown.json");
        assertSameAsUnknown(anonymous, "/demo/providers/meta/v23.0/100/messages", "/demo/providers/meta/v23.0/100/unknown");

        assertThat(merchants.findBySlug(DemoSeeder.SLUG)).as("the demo merchant").isEmpty();
    }

    private static void assertSameAsUnknown(Api api, String demoPath, String unknownPath) {
        int unknown = api.post(unknownPath, Map.of()).status();
        assertThat(api.post(demoPath, Map.of()).status()).as("POST " + demoPath + ", as POST " + unknownPath)
                .isEqualTo(unknown);
    }
}
