package io.vitrine.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.vitrine.browser.DialogSteps.ADMIN_EMAIL;
import static io.vitrine.browser.DialogSteps.ADMIN_PASSWORD;
import static io.vitrine.browser.DialogSteps.signIn;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.vitrine.shared.Actor;
import io.vitrine.dialog.DialogApi;
import io.vitrine.shopper.ShopperApi;
import io.vitrine.support.Api;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The dashboard shows a transcript longer than one page to its very end (shared/transcript.js pages through it). */
@Tag("reliability")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:long-transcript;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "vitrine.demo=true"
})
class LongTranscriptBrowserTest extends ChromiumTest {

    private static final int MESSAGES = 2100;

    @LocalServerPort
    int port;

    @Autowired
    DialogApi dialogs;

    @Autowired
    ShopperApi shoppers;

    private BrowserContext context;

    @AfterEach
    void closeContext() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void theAdminReadsALongTranscriptToItsLastMessage() {
        var created = Api.anonymous(port).post("/api/v1/widget/demo/shoppers", Map.of("screenName", "Sam",
                "name", "Sam Long", "email", "sam@example.test", "consent", true));
        Api sam = Api.withToken(port, created.body().path("token").asString());
        UUID id = UUID.fromString(sam.post("/api/v1/widget/me/dialogs", Map.of("message", "Hello", "textOnly", true))
                .body().path("id").asString());
        var shopper = shoppers.authenticate(sam.token()).orElseThrow();
        Actor host = new Actor.Shopper(shopper.id(), shopper.merchantId());
        for (int i = 1; i <= MESSAGES; i++) {
            dialogs.say(id, host, "line " + i, null);
        }
        long events = dialogs.view(id, host).lastSeq();

        context = browser.newContext();
        Page admin = context.newPage();
        signIn(admin, "http://localhost:" + port, ADMIN_EMAIL, ADMIN_PASSWORD);
        admin.navigate("http://localhost:" + port + "/admin");
        admin.locator("[data-testid=dialog-row][data-dialog-id='" + id + "']").getByTestId("dialog-open").click();

        Locator transcript = admin.getByTestId("drawer-transcript");
        assertThat(transcript.locator(":scope > li")).hasCount((int) events,
                new com.microsoft.playwright.assertions.LocatorAssertions.HasCountOptions().setTimeout(60_000));
        assertThat(transcript.locator(":scope > li").last()).containsText("line " + MESSAGES);
    }
}
