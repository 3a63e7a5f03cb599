package io.vitrine.browser;

import com.microsoft.playwright.Frame;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;

/**
 * What went wrong in the participants' browsers during a test: console errors, uncaught page errors, and at the end
 * the recent errors each page's diagnostics kept (failed negotiations, rebuilt connections, refused signals). A test
 * that leaves any of them behind fails, listing them.
 */
final class ClientErrors {

    private static final String RECENT = "() => (window.vitrineErrors?.() ?? []).map(e => e.message)";
    /** Every open mesh of a page: its peer id and each connection's states, candidate counts and trail. */
    private static final String MESHES = "() => [...(window.vitrineMeshes ?? [])].map(m => `${m.selfId}: ${JSON.stringify(m.diagnostics())}`)";

    private final List<String> found = new ArrayList<>();
    private final List<String> expected = new ArrayList<>();
    private final List<Named> pages = new ArrayList<>();
    private final List<String> meshes = new ArrayList<>();

    private record Named(String name, Page page) {}

    /** Follows a participant's page from now on. */
    void watch(String name, Page page) {
        pages.add(new Named(name, page));
        page.onPageError(error -> add(name, "page error: " + error));
        page.onConsoleMessage(message -> {
            // A failed load is listed with its address by the response listener below.
            if ("error".equals(message.type()) && !message.text().startsWith("Failed to load resource")) {
                add(name, "console: " + message.text());
            }
        });
        page.onResponse(response -> {
            // The browser asks for a favicon by itself; Vitrine's pages do not use one.
            if (response.status() >= 400 && !response.url().endsWith("/favicon.ico")) {
                add(name, "HTTP " + response.status() + " " + response.request().method() + " " + response.url());
            }
        });
    }

    /** Reads the diagnostics' recent errors of every watched page (and its frames: the widget's iframe). */
    void collect() {
        for (Named named : pages) {
            if (named.page().isClosed()) {
                continue;
            }
            for (Frame frame : named.page().frames()) {
                try {
                    for (Object message : (List<?>) frame.evaluate(RECENT)) {
                        add(named.name(), "diagnostics: " + message);
                    }
                    for (Object mesh : (List<?>) frame.evaluate(MESHES)) {
                        meshes.add("[" + named.name() + "] " + mesh);
                    }
                } catch (RuntimeException detachedOrNavigating) {
                    // a frame that went away has nothing to tell
                }
            }
        }
    }

    /** An error the test provokes on purpose (a refused request): entries containing {@code fragment} are fine. */
    void allow(String fragment) {
        synchronized (found) {
            expected.add(fragment);
        }
    }

    /** Fails listing every error seen, if there was any. */
    void assertNone() {
        List<String> all;
        synchronized (found) {
            all = found.stream().filter(e -> expected.stream().noneMatch(e::contains)).toList();
        }
        if (!all.isEmpty()) {
            // Both ends of a connection that did not come up tell their side: the pages' meshes go along.
            String both = meshes.isEmpty() ? "" : "\nTheir media connections:\n  " + String.join("\n  ", meshes);
            throw new AssertionError("Errors in the participants' browsers:\n  " + String.join("\n  ", all) + both);
        }
    }

    private void add(String name, String message) {
        synchronized (found) {
            if (!found.contains("[" + name + "] " + message)) {
                found.add("[" + name + "] " + message);
            }
        }
    }
}
