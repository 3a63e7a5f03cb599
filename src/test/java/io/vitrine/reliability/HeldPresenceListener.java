package io.vitrine.reliability;

import io.vitrine.merchant.PresenceChanged;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A module listener that a test can catch between the commit of an event and the listener's work: it announces that it
 * holds in {@code <folder>/holding}, waits until {@code <folder>/release} exists, then writes what it saw to
 * {@code <folder>/effects}. Present only in a server started with {@code --vitrine.test.held-listener=<folder>}.
 */
@Component
@ConditionalOnProperty("vitrine.test.held-listener")
class HeldPresenceListener {

    private final Path folder;

    HeldPresenceListener(@Value("${vitrine.test.held-listener}") Path folder) {
        this.folder = folder;
    }

    @ApplicationModuleListener
    void on(PresenceChanged changed) throws IOException, InterruptedException {
        Files.writeString(folder.resolve("holding"), changed.memberId() + "\n",
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        while (!Files.exists(folder.resolve("release"))) {
            Thread.sleep(50); // waiting for the test's signal, not for time to pass
        }
        Files.writeString(folder.resolve("effects"), changed.memberId() + " " + changed.presence() + "\n",
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
