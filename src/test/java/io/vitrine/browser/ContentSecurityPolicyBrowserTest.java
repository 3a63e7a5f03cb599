package io.vitrine.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.vitrine.browser.DialogSteps.ADMIN_EMAIL;
import static io.vitrine.browser.DialogSteps.ADMIN_PASSWORD;
import static io.vitrine.browser.DialogSteps.openConsole;
import static io.vitrine.browser.DialogSteps.openWidget;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every page works under its Content-Security-Policy in real Chromium: each is loaded and used, and the browser
 * reports no violation (every frame's securitypolicyviolation events and the console's CSP errors are collected).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:csp;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "vitrine.demo=true"
})
class ContentSecurityPolicyBrowserTest extends ChromiumTest {

    private static final String REPORT_VIOLATIONS = """
            document.addEventListener('securitypolicyviolation', (e) =>
              console.error('CSP violation: ' + e.violatedDirective + ' blocked ' + e.blockedURI + ' in ' + e.documentURI));
            """;

    @LocalServerPort
    int port;

    private final List<String> violations = new CopyOnWriteArrayList<>();
    private BrowserContext context;

    @BeforeEach
    void collectViolations() {
        context = browser.newContext();
        context.addInitScript(REPORT_VIOLATIONS);
        context.onPage(page -> page.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy") || message.text().startsWith("CSP violation")) {
                violations.add(page.url() + ": " + message.text());
            }
        }));
    }

    @AfterEach
    void closeContext() {
        context.close();
    }

    @Test
    void shouldLoadEveryPageWithoutAViolation() {
        String base = "http://localhost:" + port;
        Page page = context.newPage();

        for (String path : List.of("/", "/demo/privacy", "/join/no-such-invite", "/swagger-ui/index.html")) {
            Response response = page.navigate(base + path);
            assertThat(response.headers().get("content-security-policy")).as(path).contains("frame-ancestors 'none'");
            page.waitForLoadState();
        }
        // The API description is generated on its first request, which takes long on a loaded machine.
        assertThat(page.locator("#swagger-ui .info")).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(60_000));

        page.navigate(base + "/demo");
        FrameLocator widget = openWidget(page);
        assertThat(widget.getByTestId("screen-name")).isVisible();

        openConsole(page, base, ADMIN_EMAIL, ADMIN_PASSWORD);
        assertThat(page.getByTestId("connection-status")).hasAttribute("data-state", "live");

        page.navigate(base + "/admin");
        assertThat(page.getByTestId("team-list").locator("tr").first()).isVisible();
        assertThat(page.locator("[data-testid=settings-form]:not([aria-busy])")).isVisible();

        page.navigate(base + "/admin/catalog");
        page.waitForSelector("body[data-ready]");
        assertThat(page.getByTestId("product").first()).isVisible();

        assertThat(violations).isEmpty();
    }

    @Test
    void shouldReportAScriptThePolicyBlocks() {
        Page page = context.newPage();
        page.navigate("http://localhost:" + port + "/login");
        page.evaluate("() => { const s = document.createElement('script'); s.textContent = 'window.injected = 1'; document.head.append(s); }");
        page.waitForCondition(() -> !violations.isEmpty());
        assertThat(page.evaluate("() => window.injected")).isNull();
    }
}
