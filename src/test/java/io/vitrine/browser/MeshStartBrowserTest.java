package io.vitrine.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Six meshes of the shared media module ({@code Mesh}) in one page of real Chromium: an expert who sends video and
 * five customers who enter one after the other, each once its connection to the expert is up, as in a co-op
 * consultation. A small relay in the page plays the server: it answers {@code stream}, announces {@code peers} and
 * passes signals on in the order it got them, each socket's frames after a short random delay. As on the server, a
 * socket catching up on its timeline holds the dialog's frames ({@code peers} and the signals addressed to it alike)
 * and lets them follow in their order, while the answer to its own {@code stream} passes. Every pair of peers must
 * come up without starting afresh. {@code -Dmesh.rounds=40} repeats it more often.
 */
class MeshStartBrowserTest extends ChromiumTest {

    private static final int ROUNDS = Integer.getInteger("mesh.rounds", 2);
    /** How often a {@code peers} frame finds its socket catching up, so that it waits with those after it. */
    private static final double HOLD = 0.3;

    @RegisterExtension
    final SharedModulesServer server = new SharedModulesServer();

    @Test
    void everyPairOfSixPeersComesUpWhenTheyEnterOneAfterTheOther() {
        Page page = page(context(new Browser.NewContextOptions()), "mesh");
        for (int round = 1; round <= ROUNDS; round++) {
            // A page holds a few hundred connections at most, closed ones included: a fresh page every round.
            page.navigate(server.url());
            page.evaluate(SETUP);
            Object report = page.evaluate("([round, hold]) => window.runRound(round, hold)", List.of(round, HOLD));
            assertThat(report).as("round " + round + ": every pair came up").isNull();
        }
    }

    private static final String SETUP = """
                async () => {
                  const { Mesh } = await import('/shared/media.js');
                  const dialogId = 'd1';
                  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
                  window.runRound = async (round, HOLD) => {
                    const meshes = [];
                    const inbox = [];     // per socket: the chain its frames are delivered along, in order
                    const joined = [];    // who the relay counts in the stream: {index, id, participantId, sendsVideo}
                    const deliver = (i, handle) => {
                      inbox[i] = inbox[i].then(() => sleep(2 + Math.random() * 40)).then(() => { if (!meshes[i].closed) handle(meshes[i]); }).catch((err) => console.error(`frame to mesh ${i} failed: ${err}`));
                    };
                    const peersFrame = () => joined.map((p) => ({ ...p }));
                    // A socket catching up on its timeline (a replay) holds the dialog's frames, peers and signals
                    // alike: held frames follow in their order once the replay is over.
                    const hold = [];
                    const deliverInDialog = (i, handle, { mayHold = false } = {}) => {
                      if (hold[i]) hold[i].push(handle);
                      else if (mayHold && Math.random() < HOLD) {
                        hold[i] = [handle];
                        setTimeout(() => { const held = hold[i]; hold[i] = null; for (const h of held) deliver(i, h); }, 300 + Math.random() * 3000);
                      } else deliver(i, handle);
                    };
                    const deliverPeers = (i, list) => deliverInDialog(i, (m) => m.setPeers(list, []), { mayHold: true });
                    const relay = (i, frame) => {
                      const me = joined.find((p) => p.index === i);
                      if (frame.type === 'stream') {
                        if (!me) joined.push({ index: i, id: `p${round}x${i}`, participantId: `u${i}`, sendsVideo: i === 0 });
                        const self = joined.find((p) => p.index === i);
                        const list = peersFrame().map(({ id, participantId, sendsVideo }) => ({ id, participantId, sendsVideo }));
                        deliver(i, (m) => m.start({ you: self.participantId, peerId: self.id, sendsVideo: self.sendsVideo, iceServers: [], peers: list }));
                        for (const p of joined) deliverPeers(p.index, list);
                      } else if (frame.type === 'signal' && me) {
                        const to = joined.find((p) => p.id === frame.to);
                        if (to) deliverInDialog(to.index, (m) => m.signal({ from: me.id, participantId: me.participantId, description: frame.description, candidate: frame.candidate }));
                      }
                    };
                    const local = () => Object.assign(new EventTarget(), { stream: new MediaStream(), audio: null, video: null, micOn: false, cameraOn: false });
                    const enter = (i) => {
                      inbox[i] = Promise.resolve();
                      const socket = { connection: 1, send: (frame) => { relay(i, frame); return true; } };
                      meshes[i] = new Mesh({ dialogId, socket, local: local() });
                      meshes[i].join();
                    };
                    const up = (m, n) => m.peers.size === n && [...m.peers.values()].every((p) => p.state === 'live' || p.state === 'poor');
                    const until = async (check, ms) => {
                      const end = performance.now() + ms;
                      while (!check()) { if (performance.now() > end) return false; await sleep(50); }
                      return true;
                    };
                    enter(0);
                    for (let i = 1; i <= 5; i++) {
                      enter(i);
                      // The next customer comes once this one sees the expert's video.
                      await until(() => [...meshes[i].peers.values()].some((p) => p.participantId === 'u0' && p.state === 'live'), 20_000);
                    }
                    const ok = await until(() => meshes.every((m) => up(m, 5)), 40_000);
                    const report = ok ? null : meshes.map((m, i) => `${i} ${m.selfId}: ` + JSON.stringify(m.diagnostics()));
                    for (const m of meshes) m.close();
                    return report;
                  };
                }""";
}
