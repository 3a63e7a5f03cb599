package io.vitrine.dialog.internal;

import io.vitrine.dialog.DialogApi;
import io.vitrine.dialog.DialogEvents.DialogChanged;
import io.vitrine.dialog.DialogEvents.QueueChanged;
import io.vitrine.dialog.DialogEvents.TimelineAppended;
import io.vitrine.dialog.DialogMode;
import io.vitrine.dialog.DialogStatus;
import io.vitrine.dialog.DialogView;
import io.vitrine.merchant.TeamApi;
import io.vitrine.realtime.LiveStreams;
import io.vitrine.realtime.Push;
import io.vitrine.shared.Avatar;
import java.util.Set;
import java.util.stream.Collectors;
import io.vitrine.shared.AfterCommits;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Sends what the dialogs committed to the connections that follow them. Fan-out is per node and ephemeral
 * (clients resume by sequence), so these are plain listeners that defer to after the commit themselves: as
 * transactional event listeners, the event publication registry would mark each of them completed in a new
 * transaction while the committing thread still holds its connection, which under load exhausts the pool.
 */
@Component
class DialogFramesRelay {

    private final Push push;
    private final DialogApi dialogs;
    private final TeamApi team;
    private final LiveStreams streams;

    DialogFramesRelay(Push push, DialogApi dialogs, TeamApi team, LiveStreams streams) {
        this.push = push;
        this.dialogs = dialogs;
        this.team = team;
        this.streams = streams;
    }

    @EventListener
    void on(TimelineAppended appended) {
        AfterCommits.run(() -> push.toDialog(appended.event().dialogId(), DialogFrames.Event.of(appended.event())));
    }

    @EventListener
    void on(DialogChanged changed) {
        AfterCommits.run(() -> relay(changed));
    }

    /** The stream keeps only the participants of a live video dialog. */
    private void relay(DialogChanged changed) {
        var frame = new DialogFrames.Dialog(changed.dialog());
        push.toDialog(changed.dialog().id(), frame);
        push.toStaff(changed.merchantId(), frame);
        DialogView view = changed.dialog();
        boolean live = view.status() == DialogStatus.ACTIVE && view.mode() == DialogMode.VIDEO;
        Set<String> present = live ? view.participants().stream().map(Avatar::participantId).collect(Collectors.toSet()) : Set.of();
        streams.retain(view.id(), present);
    }

    @EventListener
    void on(QueueChanged changed) {
        AfterCommits.run(() -> relay(changed));
    }

    private void relay(QueueChanged changed) {
        push.toStaff(changed.merchantId(), DialogFrames.StaffQueueUpdate.of(dialogs.staffQueue(changed.merchantId())));
        boolean expertsOnline = !team.online(changed.merchantId()).isEmpty();
        dialogs.queuePositions(changed.merchantId()).forEach((dialogId, position) ->
                push.toDialog(dialogId, new DialogFrames.Queue(dialogId, position, expertsOnline)));
    }
}
