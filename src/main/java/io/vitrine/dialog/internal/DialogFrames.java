package io.vitrine.dialog.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.vitrine.dialog.DialogView;
import io.vitrine.dialog.EventKind;
import io.vitrine.dialog.Membership;
import io.vitrine.dialog.ProductCard;
import io.vitrine.dialog.StaffQueue;
import io.vitrine.dialog.TimelineEvent;
import io.vitrine.realtime.protocol.ServerMessage;
import io.vitrine.shared.Avatar;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The server frames of dialogs; see docs/protocol.md. */
final class DialogFrames {

    private DialogFrames() {
    }

    /** {@code product} is present on product cards only (kind {@code PRODUCT}); other events look as before. */
    @JsonTypeName("event")
    record Event(UUID dialogId, long seq, EventKind kind, Instant at, Avatar author, String text, String clientRef,
            @JsonInclude(JsonInclude.Include.NON_NULL) ProductCard product) implements ServerMessage.Sequenced {

        static Event of(TimelineEvent e) {
            return new Event(e.dialogId(), e.seq(), e.kind(), e.at(), e.author(), e.text(), e.clientRef(), e.product());
        }
    }

    @JsonTypeName("subscribed")
    record Subscribed(UUID dialogId, long lastSeq, DialogView dialog, Membership you) implements ServerMessage {}

    @JsonTypeName("dialog")
    record Dialog(DialogView dialog) implements ServerMessage {}

    @JsonTypeName("queue")
    record Queue(UUID dialogId, int position, boolean expertsOnline) implements ServerMessage {}

    @JsonTypeName("staffQueue")
    record StaffQueueUpdate(List<StaffQueue.Entry> waiting, List<StaffQueue.Entry> messages) implements ServerMessage {

        static StaffQueueUpdate of(StaffQueue queue) {
            return new StaffQueueUpdate(queue.waiting(), queue.messages());
        }
    }
}
