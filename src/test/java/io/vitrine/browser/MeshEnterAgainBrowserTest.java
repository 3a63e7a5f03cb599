package io.vitrine.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The shared media module's {@code Mesh} in real Chromium, on a socket that only records what is sent: told
 * {@code not_in_stream} while it is in the stream, it sends {@code stream} again with its peer id, once a socket
 * connection until an answer comes, however often the server refuses. (The page coming back into the stream with the
 * real server: {@code LiveDialogBrowserTest}.)
 */
class MeshEnterAgainBrowserTest extends ChromiumTest {

    @RegisterExtension
    final SharedModulesServer server = new SharedModulesServer();

    @Test
    void aMeshTheServerDoesNotCountInTheStreamEntersAgainOnceAConnectionUntilAnswered() {
        Page page = page(context(new Browser.NewContextOptions()), "mesh");
        page.navigate(server.url());
        @SuppressWarnings("unchecked")
        Map<String, Object> counts = (Map<String, Object>) page.evaluate("""
                async () => {
                  const { Mesh } = await import('/shared/media.js');
                  const sent = [];
                  const socket = { connection: 1, send: (frame) => { sent.push(frame); return true; } };
                  const local = Object.assign(new EventTarget(), { stream: new MediaStream(), audio: null, video: null, micOn: false, cameraOn: false });
                  const mesh = new Mesh({ dialogId: 'd1', socket, local });
                  const streams = () => sent.filter((f) => f.type === 'stream');
                  const answer = () => mesh.start({ you: 'u1', peerId: 'p1', sendsVideo: false, iceServers: [], peers: [{ id: 'p1', participantId: 'u1' }] });
                  const counts = {};
                  mesh.enterAgain(); // not in the stream yet: nothing to enter again
                  counts.beforeJoining = streams().length;
                  mesh.join();
                  mesh.enterAgain(); // refused frames sent before the answer: the request is on its way
                  counts.whileAsking = streams().length;
                  answer();
                  for (let i = 0; i < 5; i++) mesh.enterAgain(); // the server keeps refusing
                  counts.afterRefusals = streams().length;
                  counts.peerId = streams().at(-1).peerId ?? null;
                  socket.connection = 2; // a new socket connection: once more
                  mesh.enterAgain();
                  mesh.enterAgain();
                  counts.onNewConnection = streams().length;
                  answer(); // in again: a later refusal may be answered by entering again
                  mesh.enterAgain();
                  counts.afterAnswer = streams().length;
                  mesh.close();
                  return counts;
                }""");
        assertThat(counts).containsEntry("beforeJoining", 0).containsEntry("whileAsking", 1)
                .containsEntry("afterRefusals", 2).containsEntry("peerId", "p1")
                .containsEntry("onNewConnection", 3).containsEntry("afterAnswer", 4);
    }
}
