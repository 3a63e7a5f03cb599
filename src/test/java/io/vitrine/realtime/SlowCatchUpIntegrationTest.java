package io.vitrine.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.dialog.DialogApi;
import io.vitrine.shared.Actor;
import io.vitrine.support.Api;
import io.vitrine.support.IntegrationTest;
import io.vitrine.support.LiveStream;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A client on a slow line catches up on a long timeline at its own pace and is then confirmed, not dropped: the
 * confirmation and the frames held back during the catch-up wait for room in its send queue like the replay did.
 * Before, they were queued without waiting, and a queue still full from the replay closed the socket (4500).
 */
@TestPropertySource(properties = "vitrine.realtime.limits.send-buffer-chars=16384")
class SlowCatchUpIntegrationTest extends IntegrationTest {

    private static final int MESSAGES = 300;
    private static final int CATCH_UPS = 12;

    @Autowired
    DialogApi dialogs;

    @Test
    void aClientReadingSlowlyGetsTheWholeTimelineInOrderAndItsConfirmation() throws Exception {
        var shop = shop("anna");
        Api anna = shop.online("anna");
        LiveStream live = LiveStream.start(shop, anna, "Hana Host");
        UUID dialogId = UUID.fromString(live.id);
        var expert = new Actor.Staff(shop.memberId("anna"), shop.merchant().id(), false);
        // About 600,000 characters: many times the send queue (16,384) and what the kernel's buffers take in.
        for (int i = 0; i < MESSAGES; i++) {
            dialogs.say(dialogId, expert, "catalogue page " + i + " " + "x".repeat(1900), null);
        }

        try (RawSocket slow = RawSocket.open(port, 4096)) {
            slow.sendText("{\"type\":\"hello\",\"token\":\"" + live.host.token() + "\"}");
            // Asked again and again, the timeline also fills what the kernel's buffers take in; after that each
            // catch-up ends with the send queue full.
            for (int i = 0; i < CATCH_UPS; i++) {
                slow.sendText("{\"type\":\"subscribe\",\"dialogId\":\"" + live.id + "\",\"afterSeq\":0}");
            }
            for (int catchUp = 1; catchUp <= CATCH_UPS; catchUp++) {
                long lastSeq = 0;
                int pages = 0;
                JsonNode subscribed = null;
                while (subscribed == null) {
                    JsonNode frame = Api.JSON.readTree(slow.awaitText(Duration.ofSeconds(30)));
                    switch (frame.path("type").asString()) {
                        case "event" -> {
                            assertThat(frame.path("seq").asLong()).as("events in order, each once").isGreaterThan(lastSeq);
                            lastSeq = frame.path("seq").asLong();
                            if (frame.path("text").asString().startsWith("catalogue page ")) {
                                pages++;
                            }
                        }
                        case "subscribed" -> subscribed = frame;
                        default -> { }
                    }
                    Thread.sleep(0, 500_000); // a slow line: the server's queue stays full while the client catches up
                }
                assertThat(pages).as("catalogue pages of catch-up %d", catchUp).isEqualTo(MESSAGES);
                assertThat(subscribed.path("lastSeq").asLong()).isEqualTo(lastSeq);
            }
            // Still connected: it is answered.
            slow.sendText("{\"type\":\"ping\"}");
            String next;
            do {
                next = slow.awaitText(Duration.ofSeconds(10));
            } while (!next.contains("\"pong\""));
        }
    }
}
