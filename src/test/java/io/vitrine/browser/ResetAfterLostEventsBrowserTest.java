package io.vitrine.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.vitrine.support.Socket.type;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.vitrine.reliability.ServerProcess;
import io.vitrine.support.Api;
import io.vitrine.support.Socket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server that comes back without the newest events its clients saw (a database restored from a backup, say)
 * hands their sequence numbers out again. The widget must not skip the new events as duplicates: it resets its
 * chat to the server's timeline and shows what comes next.
 */
@Tag("reliability")
class ResetAfterLostEventsBrowserTest extends ChromiumTest {

    private static final LocatorAssertions.HasCountOptions PATIENTLY = new LocatorAssertions.HasCountOptions().setTimeout(60_000);

    private BrowserContext context;

    @AfterEach
    void closeContext() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void theWidgetStartsOverWhenTheServerLostEventsItHadShown(@TempDir Path dir) throws Exception {
        try (var server = new ServerProcess(dir, List.of())) {
            server.start(Duration.ofMinutes(3));
            int port = server.port();
            var created = Api.anonymous(port).post("/api/v1/widget/demo/shoppers", Map.of("screenName", "Robin",
                    "name", "Robin Reset", "email", "robin@example.test", "consent", true));
            String token = created.body().path("token").asString();
            Api robin = Api.withToken(port, token);
            String id = robin.post("/api/v1/widget/me/dialogs", Map.of("message", "Hello", "textOnly", true)).body().path("id").asString();
            long lastSeq;
            try (Socket socket = Socket.connect(robin)) {
                socket.send(Map.of("type", "hello", "token", token));
                socket.awaitType("welcome");
                socket.send(Map.of("type", "subscribe", "dialogId", id, "afterSeq", 0));
                socket.awaitType("subscribed");
                for (int i = 1; i <= 4; i++) {
                    socket.send(Map.of("type", "say", "dialogId", id, "text", "message " + i, "clientRef", "m" + i));
                    int n = i;
                    lastSeq = socket.await(f -> ("m" + n).equals(f.path("clientRef").asString(null))).path("seq").asLong();
                }
                lastSeq = robin.get("/api/v1/widget/me/dialogs/" + id).body().path("dialog").path("lastSeq").asLong();
            }

            context = browser.newContext();
            context.addInitScript("localStorage.setItem('vitrine.token.demo', '" + token + "')");
            Page widget = context.newPage();
            widget.navigate("http://localhost:" + port + "/widget/demo");
            widget.getByTestId("dialog-item").first().click();
            Locator messages = widget.getByTestId("chat-message");
            assertThat(messages.last()).containsText("message 4");
            int shown = messages.count();

            assertThat(server.kill()).isEqualTo(ServerProcess.SIGKILL_EXIT);
            forgetNewestEvents(dir, id, lastSeq, 2);
            server.start(Duration.ofMinutes(3));

            assertThat(messages).hasCount(shown - 2, PATIENTLY);
            assertThat(messages.last()).containsText("message 2");
            try (Socket socket = Socket.connect(robin)) { // the shopper writes on, from another tab
                socket.send(Map.of("type", "hello", "token", token));
                socket.awaitType("welcome");
                socket.send(Map.of("type", "subscribe", "dialogId", id, "afterSeq", 0));
                socket.awaitType("subscribed");
                socket.send(Map.of("type", "say", "dialogId", id, "text", "after the restart", "clientRef", "m5"));
                socket.await(f -> "m5".equals(f.path("clientRef").asString(null)), Duration.ofSeconds(30));
            }
            assertThat(messages).hasCount(shown - 1, PATIENTLY);
            assertThat(messages.last()).containsText("after the restart");
        }
    }

    /** What a restore from an older backup does: the dialog's newest events and its sequence go back. */
    private static void forgetNewestEvents(Path dir, String dialogId, long lastSeq, int count) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("data/vitrine") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
        try (Connection db = DriverManager.getConnection(url, "sa", "")) {
            var delete = db.prepareStatement("delete from timeline_event where dialog_id = ? and seq > ?");
            delete.setObject(1, java.util.UUID.fromString(dialogId));
            delete.setLong(2, lastSeq - count);
            assertThat(delete.executeUpdate()).isEqualTo(count);
            var rewind = db.prepareStatement("update dialog set last_seq = ? where id = ?");
            rewind.setLong(1, lastSeq - count);
            rewind.setObject(2, java.util.UUID.fromString(dialogId));
            rewind.executeUpdate();
        }
    }
}
