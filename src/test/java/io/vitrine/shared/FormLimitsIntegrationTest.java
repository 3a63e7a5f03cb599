package io.vitrine.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.support.IntegrationTest;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The dashboard's inputs stop where the server's limits are, so nobody types what will be refused. */
class FormLimitsIntegrationTest extends IntegrationTest {

    private static final Pattern INPUT = Pattern.compile("<input id=\"([\\w-]+)\"[^>]*?maxlength=\"(\\d+)\"");

    @Test
    void shouldLimitEveryDashboardTextInputLikeTheServerDoes() {
        Shop shop = shop();
        String page = shop.staff("admin").get("/admin").raw();
        Map<String, String> limits = new java.util.HashMap<>();
        Matcher m = INPUT.matcher(page);
        while (m.find()) {
            limits.put(m.group(1), m.group(2));
        }
        assertThat(limits).containsEntry("s-buttonLabel", "40")
                .containsEntry("s-privacyPolicyUrl", "500")
                .containsEntry("t-displayName", "80")
                .containsEntry("t-email", "254")
                .containsEntry("t-password", "100")
                .containsEntry("t-handle", "40")
                .containsEntry("t-store", "80");
    }
}
