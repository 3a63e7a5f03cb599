package io.vitrine.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/** Real Chromium from the system (never a downloaded one), headless, with fake camera and microphone. */
final class BrowserSupport {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("VITRINE_CHROMIUM", "/usr/bin/chromium"));

    private BrowserSupport() {}

    static Playwright playwright() {
        if (!Files.isExecutable(CHROMIUM)) {
            String reason = "Chromium is not installed at " + CHROMIUM + " (apt-get install chromium); skipping the browser tests";
            System.out.println(reason);
            Assumptions.abort(reason);
        }
        PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
        return Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    static Browser launch(Playwright playwright) {
        return playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run",
                        "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream")));
    }
}
