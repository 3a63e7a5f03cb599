package io.vitrine.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * One headless system Chromium per test class (see {@link BrowserSupport}); each participant gets a context in it.
 * Pages opened through {@link #page} are watched: a test fails when any of them logged an error (see
 * {@link ClientErrors}). Contexts made with {@link #context} are closed after each test.
 */
abstract class ChromiumTest {

    static Playwright playwright;
    static Browser browser;

    protected ClientErrors clientErrors = new ClientErrors();
    private final List<BrowserContext> contexts = new ArrayList<>();

    @BeforeAll
    static void startBrowser() {
        playwright = BrowserSupport.playwright();
        browser = BrowserSupport.launch(playwright);
    }

    @AfterAll
    static void stopBrowser() {
        if (playwright != null) {
            playwright.close();
        }
    }

    /** A new browser context (a participant of its own), closed after the test. */
    protected BrowserContext context(Browser.NewContextOptions options) {
        BrowserContext context = browser.newContext(options);
        contexts.add(context);
        return context;
    }

    /** A new page of {@code context}, whose errors fail the test. */
    protected Page page(BrowserContext context, String name) {
        Page page = context.newPage();
        clientErrors.watch(name, page);
        return page;
    }

    @AfterEach
    void failOnClientErrors() {
        try {
            clientErrors.collect();
        } finally {
            contexts.forEach(BrowserContext::close);
            contexts.clear();
        }
        ClientErrors errors = clientErrors;
        clientErrors = new ClientErrors();
        errors.assertNone();
    }
}
