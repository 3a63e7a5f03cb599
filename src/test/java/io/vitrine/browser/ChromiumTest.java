package io.vitrine.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** One headless system Chromium per test class (see {@link BrowserSupport}); each participant gets a context in it. */
abstract class ChromiumTest {

    static Playwright playwright;
    static Browser browser;

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
}
