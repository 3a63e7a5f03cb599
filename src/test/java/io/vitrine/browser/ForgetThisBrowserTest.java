package io.vitrine.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.vitrine.browser.DialogSteps.openWidget;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A shopper on a shared computer makes the widget forget them: the token is revoked on the server, not only here. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:csp;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "vitrine.demo=true"
})
class ForgetThisBrowserTest extends ChromiumTest {

    @LocalServerPort
    int port;

    private BrowserContext context;

    @AfterEach
    void closeContext() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void shouldRevokeTheTokenAndStartAfreshWhenTheShopperForgetsThisBrowser() {
        context = browser.newContext();
        Page shop = context.newPage();
        shop.navigate("http://localhost:" + port + "/demo");
        FrameLocator widget = openWidget(shop);
        widget.getByTestId("screen-name").fill("Robin");
        widget.getByTestId("pd-name").fill("Robin Roe");
        widget.getByTestId("pd-email").fill("robin@example.com");
        widget.getByTestId("consent").check();
        widget.getByTestId("leave-message").fill("Is the oak chair available in walnut?");
        widget.getByTestId("send-left-message").click();
        assertThat(widget.getByTestId("my-conversations")).isVisible();
        String token = (String) shop.evaluate("() => localStorage.getItem('vitrine.token.demo')");
        assertThat(token).isNotBlank();
        assertThat(status(shop, token)).isEqualTo(200);

        widget.getByTestId("my-conversations").click();
        assertThat(widget.getByTestId("dialog-item")).hasCount(1);
        widget.getByTestId("forget-browser").click();

        assertThat(widget.getByTestId("start-form")).isVisible();
        assertThat(widget.getByTestId("my-conversations")).isHidden();
        assertThat(shop.evaluate("() => localStorage.getItem('vitrine.token.demo')")).isNull();
        assertThat(status(shop, token)).as("the old token no longer works anywhere").isEqualTo(401);

        shop.reload();
        assertThat(openWidget(shop).getByTestId("start-form")).isVisible();
    }

    private static Object status(Page page, String token) {
        return page.evaluate("async (token) => (await fetch('/api/v1/widget/me', { headers: { Authorization: 'Bearer ' + token } })).status", token);
    }
}
