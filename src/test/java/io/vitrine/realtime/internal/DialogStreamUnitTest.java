package io.vitrine.realtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vitrine.realtime.fanout.Fanout;
import io.vitrine.realtime.protocol.ServerMessage;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DialogStreamUnitTest {

    private static final UUID DIALOG = UUID.randomUUID();

    private final List<String> sent = new CopyOnWriteArrayList<>();
    private Connection.DialogStream stream;

    @BeforeEach
    void streamThatReplayedUpToFour() {
        stream = new Connection.DialogStream(sent::add, json -> sent.add(json));
        stream.startReplay(4);
        stream.finishReplay("subscribed");
        sent.clear();
    }

    @Test
    void shouldHoldAnEventThatOvertookAnEarlierOneUntilTheEarlierOneArrives() {
        stream.live(event(5));
        stream.live(event(7));
        stream.live(typing());
        stream.live(event(6));
        stream.live(event(6));
        assertThat(sent).containsExactly("5", "typing", "6", "7");
    }

    @Test
    void shouldSendWhatWaitsWhenTheMissingEventNeverComes() {
        stream.live(event(6));
        stream.live(event(8));
        assertThat(sent).isEmpty();
        await().atMost(Duration.ofSeconds(20)).until(() -> sent.size() == 2);
        assertThat(sent).containsExactly("6", "8");
        stream.live(event(5));
        stream.live(event(9));
        assertThat(sent).containsExactly("6", "8", "9");
    }

    private static Fanout.Delivery event(long seq) {
        return new Fanout.Delivery(new Event(DIALOG, seq), Long.toString(seq));
    }

    /** Any frame of a dialog's timeline. */
    private record Event(UUID dialogId, long seq) implements ServerMessage.Sequenced {}

    private static Fanout.Delivery typing() {
        return new Fanout.Delivery(new ServerMessage.Typing(DIALOG, "p", "Alex"), "typing");
    }
}
