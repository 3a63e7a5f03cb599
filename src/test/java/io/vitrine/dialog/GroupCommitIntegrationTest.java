package io.vitrine.dialog;

import io.vitrine.shared.Actor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vitrine.shared.DomainException;
import io.vitrine.support.Api;
import io.vitrine.support.IntegrationTest;
import io.vitrine.support.LiveStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Messages written at the same moment are stored together (group commit): each writer still gets its own event once
 * it is stored, every dialog's sequence stays gapless, and a refused message fails only itself.
 */
class GroupCommitIntegrationTest extends IntegrationTest {

    private static final int WRITERS = 8;
    private static final int MESSAGES_EACH = 30;

    @Autowired
    DialogApi dialogs;

    @Test
    void shouldStoreMessagesWrittenTogetherGaplessAndRefuseOnlyTheBadOnes() throws Exception {
        var shop = shop("anna");
        Api anna = shop.online("anna");
        List<LiveStream> rooms = List.of(LiveStream.start(shop, anna, "Hana Host"), LiveStream.start(shop, anna, "Bo Host"));
        Actor expert = new Actor.Staff(shop.memberId("anna"), shop.merchant().id(), false);
        Actor otherShop = new Actor.Staff(UUID.randomUUID(), UUID.randomUUID(), false);
        Map<String, TimelineEvent> returned = new ConcurrentHashMap<>();

        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 1);
        var go = new CountDownLatch(1);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            writers.add(pool.submit(() -> {
                go.await();
                long previous = 0;
                for (int i = 0; i < MESSAGES_EACH; i++) {
                    UUID dialogId = UUID.fromString(rooms.get(writer % 2).id);
                    String ref = "w" + writer + "-" + i;
                    TimelineEvent event = dialogs.say(dialogId, expert, "message " + ref, ref);
                    assertThat(event.clientRef()).isEqualTo(ref);
                    assertThat(event.seq()).as("a writer's own messages in the order it wrote them").isGreaterThan(previous);
                    previous = event.seq();
                    returned.put(ref, event);
                }
                return null;
            }));
        }
        Future<?> intruder = pool.submit(() -> {
            go.await();
            for (int i = 0; i < MESSAGES_EACH; i++) {
                UUID dialogId = UUID.fromString(rooms.get(i % 2).id);
                assertThatThrownBy(() -> dialogs.say(dialogId, otherShop, "not mine", null))
                        .isInstanceOf(DomainException.class).hasMessageContaining("Dialog");
            }
            return null;
        });
        go.countDown();
        for (Future<?> writer : writers) {
            writer.get();
        }
        intruder.get();
        pool.shutdown();

        assertThat(returned).hasSize(WRITERS * MESSAGES_EACH);
        for (LiveStream room : rooms) {
            List<TimelineEvent> stored = dialogs.eventsAfter(UUID.fromString(room.id), 0, expert);
            List<Long> seqs = stored.stream().map(TimelineEvent::seq).toList();
            assertThat(seqs).as("stored sequences of %s", room.id)
                    .isEqualTo(LongStream.rangeClosed(1, stored.size()).boxed().toList());
            List<TimelineEvent> messages = stored.stream().filter(e -> e.clientRef() != null).toList();
            assertThat(messages).hasSize(WRITERS / 2 * MESSAGES_EACH);
            messages.forEach(e -> assertThat(returned.get(e.clientRef())).as("what its writer was told")
                    .extracting(TimelineEvent::seq, TimelineEvent::text).containsExactly(e.seq(), e.text()));
        }
    }

    @Test
    void shouldRefuseAMessageToAnEndedDialogWithItsOwnReason() {
        var shop = shop("anna");
        Api anna = shop.online("anna");
        LiveStream room = LiveStream.start(shop, anna, "Hana Host");
        Actor expert = new Actor.Staff(shop.memberId("anna"), shop.merchant().id(), false);
        assertThat(anna.post(room.staffPath() + "/end", null).status()).isEqualTo(200);

        assertThatThrownBy(() -> dialogs.say(UUID.fromString(room.id), expert, "still there?", null))
                .isInstanceOf(DomainException.class).hasMessageContaining("has ended");
    }
}
