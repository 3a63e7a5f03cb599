package io.vitrine.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two connections of the shared media module ({@code Peer}) in one page of real Chromium, their signals handed
 * straight from one to the other. The offering side's browser never raises {@code negotiationneeded}: the
 * connection must still come up, through the watch that checks on a connection still not up after a while, and
 * without starting afresh (which a page reports as an error).
 */
class PeerNegotiationBrowserTest extends ChromiumTest {

    @RegisterExtension
    final SharedModulesServer server = new SharedModulesServer();

    @Test
    void anOfferThatNegotiationNeededNeverAskedForIsMadeByTheWatch() {
        Page page = page(context(new Browser.NewContextOptions().setPermissions(List.of("microphone"))), "peers");
        page.navigate(server.url());
        page.evaluate("""
                async () => {
                  // The first connection made (the offering side's) never hears negotiationneeded.
                  const Native = RTCPeerConnection;
                  let made = 0;
                  window.RTCPeerConnection = class extends Native {
                    #deaf = made++ === 0;
                    addEventListener(type, listener, options) {
                      if (this.#deaf && type === 'negotiationneeded') return;
                      super.addEventListener(type, listener, options);
                    }
                  };
                  const { Peer } = await import('/shared/media.js');
                  const local = () => ({ stream: new MediaStream(), audio: null, video: null });
                  const peers = window.peers = {};
                  const relay = (to) => (message) => setTimeout(() => peers[to].receive(message), 5);
                  const make = (self, other) => new Peer({ id: other, participantId: other, selfId: self, iceServers: [],
                    local: local(), send: relay(other), onChange: () => {}, onStuck: () => { window.stuck = true; } });
                  peers.b = make('b', 'a'); // 'b' > 'a': the impolite side, which offers
                  peers.a = make('a', 'b');
                  window.startedAt = performance.now();
                }""");

        page.waitForFunction("() => window.peers.a.state === 'live' && window.peers.b.state === 'live'", null,
                new Page.WaitForFunctionOptions().setTimeout(60_000).setPollingInterval(100));
        assertThat(page.evaluate("() => window.peers.b.offerer")).isEqualTo(true);
        assertThat(page.evaluate("() => window.stuck ?? false")).as("started afresh").isEqualTo(false);
        assertThat((String) page.evaluate("() => window.peers.b.diagnostics().trail"))
                .as("the offering side's trail").contains("offered").doesNotContain("negotiationneeded");
    }

    @Test
    void anOfferTheSocketCouldNotSendIsNotedAndSentAgainByTheWatch() {
        Page page = page(context(new Browser.NewContextOptions().setPermissions(List.of("microphone"))), "unsent");
        page.navigate(server.url());
        page.evaluate("""
                async () => {
                  const { Peer } = await import('/shared/media.js');
                  const local = () => ({ stream: new MediaStream(), audio: null, video: null });
                  const peers = window.peers = {};
                  let offersLost = 0;
                  // The socket is reconnecting when the first offer goes out: send() refuses it, as Socket.send does.
                  const relay = (to) => (message) => {
                    if (message.description?.type === 'offer' && offersLost++ === 0) return false;
                    setTimeout(() => peers[to].receive(message), 5);
                    return true;
                  };
                  const make = (self, other) => new Peer({ id: other, participantId: other, selfId: self, iceServers: [],
                    local: local(), send: relay(other), onChange: () => {}, onStuck: () => { window.stuck = true; } });
                  peers.b = make('b', 'a');
                  peers.a = make('a', 'b');
                }""");

        page.waitForFunction("() => window.peers.a.state === 'live' && window.peers.b.state === 'live'", null,
                new Page.WaitForFunctionOptions().setTimeout(60_000).setPollingInterval(100));
        assertThat(page.evaluate("() => window.stuck ?? false")).as("started afresh").isEqualTo(false);
        assertThat((String) page.evaluate("() => window.peers.b.diagnostics().trail"))
                .as("the offering side's trail").contains("unsent-offer", "resend");
    }
}
