package io.vitrine.browser;

import static io.vitrine.support.Socket.type;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.vitrine.media.TurnCredentials;
import io.vitrine.support.IntegrationTest;
import io.vitrine.support.LiveStream;
import io.vitrine.support.Socket;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The TURN credentials Vitrine issues, presented by real Chromium to a real coturn started with the same shared
 * secret: valid ones get a relay allocation, expired or forged ones do not.
 */
class TurnRelayBrowserTest extends IntegrationTest {

    private static final Path TURNSERVER = Path.of("/usr/bin/turnserver");
    private static final String SECRET = "relay-test-secret";
    private static final String GATHER_RELAY = """
            async (server) => {
              const pc = new RTCPeerConnection({ iceServers: [server], iceTransportPolicy: 'relay' });
              pc.createDataChannel('probe');
              const relays = [];
              const done = new Promise((resolve) => {
                pc.onicecandidate = (e) => {
                  if (e.candidate && e.candidate.type === 'relay') relays.push(e.candidate.address);
                  if (!e.candidate) resolve();
                };
                setTimeout(resolve, 8000);
              });
              await pc.setLocalDescription(await pc.createOffer());
              await done;
              pc.close();
              return relays;
            }""";

    private static final int turnPort = freeUdpPort();
    private static final String turnHost = hostAddress();
    private static Process coturn;
    private static Playwright playwright;
    private static Browser browser;

    @DynamicPropertySource
    static void turnServer(DynamicPropertyRegistry registry) {
        registry.add("vitrine.media.turn-urls", () -> "turn:" + turnHost + ":" + turnPort + "?transport=udp");
        registry.add("vitrine.media.turn-secret", () -> SECRET);
    }

    @BeforeAll
    static void start() throws IOException, InterruptedException {
        if (!Files.isExecutable(TURNSERVER)) {
            String reason = "coturn is not installed at " + TURNSERVER + " (apt-get install coturn); skipping the TURN relay test";
            System.out.println(reason);
            Assumptions.abort(reason);
        }
        if (turnHost == null) {
            Assumptions.abort("No network interface besides loopback; browsers gather no candidates on loopback alone");
        }
        playwright = BrowserSupport.playwright();
        browser = BrowserSupport.launch(playwright);
        Path log = Files.createTempFile("coturn", ".log");
        coturn = new ProcessBuilder(TURNSERVER.toString(), "--listening-ip=" + turnHost, "--relay-ip=" + turnHost,
                "--listening-port=" + turnPort, "--use-auth-secret", "--static-auth-secret=" + SECRET,
                "--realm=vitrine.test", "--no-tls", "--no-dtls", "--no-cli", "--allow-loopback-peers",
                "--min-port=49160", "--max-port=49200", "--simple-log", "--log-file=" + log, "--pidfile=" + log + ".pid")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Thread.sleep(500);
        assertThat(coturn.isAlive()).as("coturn started; its log: %s", log).isTrue();
    }

    @AfterAll
    static void stop() {
        if (coturn != null) {
            coturn.destroy();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @Test
    void coturnRelaysForTheIssuedCredentialsAndRefusesExpiredOrForgedOnes() {
        Shop shop = shop("anna");
        LiveStream live = LiveStream.start(shop, shop.online("anna"), "Hana Host");
        JsonNode turn;
        try (Socket socket = live.socket(live.host)) {
            socket.send(Map.of("type", "stream", "dialogId", live.id));
            turn = socket.await(type("stream")).path("iceServers").get(0);
        }
        String url = turn.path("urls").get(0).asString();
        String participant = turn.path("username").asString().split(":", 2)[1];

        var errors = new ClientErrors();
        try (var context = browser.newContext()) {
            Page page = context.newPage();
            errors.watch("browser", page);
            page.navigate("http://localhost:" + port + "/login");
            assertThat(relays(page, url, turn.path("username").asString(), turn.path("credential").asString()))
                    .as("a relay address from coturn for Vitrine's credentials").isNotEmpty();

            var expired = TurnCredentials.issue(SECRET, participant, Instant.now().minusSeconds(60));
            assertThat(relays(page, url, expired.username(), expired.credential())).as("expired").isEmpty();
            var forged = TurnCredentials.issue("not-the-secret", participant, Instant.now().plusSeconds(3600));
            assertThat(relays(page, url, forged.username(), forged.credential())).as("wrong secret").isEmpty();
            errors.collect();
        }
        errors.assertNone();
    }

    @SuppressWarnings("unchecked")
    private static List<String> relays(Page page, String url, String username, String credential) {
        return (List<String>) page.evaluate(GATHER_RELAY, Map.of("urls", url, "username", username, "credential", credential));
    }

    /** An IPv4 address of this machine that is not loopback: browsers send ICE traffic only from such interfaces. */
    private static String hostAddress() {
        try {
            for (var nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (nic.isUp() && !nic.isLoopback()) {
                    for (var address : Collections.list(nic.getInetAddresses())) {
                        if (address instanceof Inet4Address) {
                            return address.getHostAddress();
                        }
                    }
                }
            }
        } catch (SocketException e) {
            return null;
        }
        return null;
    }

    private static int freeUdpPort() {
        try (var socket = new DatagramSocket(0)) {
            return socket.getLocalPort();
        } catch (SocketException e) {
            throw new IllegalStateException(e);
        }
    }
}
