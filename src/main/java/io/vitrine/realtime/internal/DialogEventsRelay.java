package io.vitrine.realtime.internal;

import io.vitrine.dialog.DialogApi;
import io.vitrine.dialog.DialogMode;
import io.vitrine.dialog.DialogStatus;
import io.vitrine.dialog.DialogView;
import io.vitrine.dialog.DialogEvents.DialogChanged;
import io.vitrine.dialog.DialogEvents.QueueChanged;
import io.vitrine.dialog.DialogEvents.TimelineAppended;
import io.vitrine.merchant.PresenceChanged;
import io.vitrine.merchant.TeamApi;
import io.vitrine.realtime.Push;
import io.vitrine.realtime.fanout.Fanout;
import io.vitrine.realtime.fanout.Topic;
import io.vitrine.realtime.protocol.ServerMessage;
import io.vitrine.shared.Avatar;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends what the dialog and merchant modules committed to the connections that follow it. Fan-out is per node and
 * ephemeral (clients resume by sequence), so these are plain listeners that defer to after the commit themselves:
 * as transactional event listeners, the event publication registry would mark each of them completed in a new
 * transaction while the committing thread still holds its connection, which under load exhausts the pool.
 */
@Component
class DialogEventsRelay {

    private final Push push;
    private final DialogApi dialogs;
    private final TeamApi team;
    private final Streams streams;

    private final ClusterPeers cluster;
    private final Fanout fanout;

    DialogEventsRelay(Push push, DialogApi dialogs, TeamApi team, Streams streams, ClusterPeers cluster,
            Fanout fanout) {
        this.push = push;
        this.dialogs = dialogs;
        this.team = team;
        this.streams = streams;
        this.cluster = cluster;
        this.fanout = fanout;
        // The other nodes' peers of the dialog go too; each node tells its own sockets.
        cluster.onRetain(this::retainHere);
    }

    @EventListener
    void on(TimelineAppended appended) {
        afterCommit(() -> push.toDialog(appended.event().dialogId(), ServerMessage.Event.of(appended.event())));
    }

    @EventListener
    void on(DialogChanged changed) {
        afterCommit(() -> relay(changed));
    }

    private void relay(DialogChanged changed) {
        var frame = new ServerMessage.Dialog(changed.dialog());
        push.toDialog(changed.dialog().id(), frame);
        push.toStaff(changed.merchantId(), frame);
        DialogView view = changed.dialog();
        boolean live = view.status() == DialogStatus.ACTIVE && view.mode() == DialogMode.VIDEO;
        Set<String> present = live ? view.participants().stream().map(Avatar::participantId).collect(Collectors.toSet()) : Set.of();
        retainHere(view.id(), present);
        cluster.retainEverywhere(view.id(), present);
    }

    private void retainHere(java.util.UUID dialogId, Set<String> present) {
        synchronized (streams) {
            for (var changed : streams.retain(dialogId, present)) {
                fanout.publishLocally(Topic.dialog(changed), streams.peersFrame(changed));
            }
        }
    }

    @EventListener
    void on(QueueChanged changed) {
        afterCommit(() -> relay(changed));
    }

    private void relay(QueueChanged changed) {
        push.toStaff(changed.merchantId(),
                ServerMessage.StaffQueueUpdate.of(dialogs.staffQueue(changed.merchantId())));
        boolean expertsOnline = !team.online(changed.merchantId()).isEmpty();
        dialogs.queuePositions(changed.merchantId()).forEach((dialogId, position) ->
                push.toDialog(dialogId, new ServerMessage.Queue(dialogId, position, expertsOnline)));
    }

    @EventListener
    void on(PresenceChanged changed) {
        afterCommit(() -> push.toMember(changed.memberId(), new ServerMessage.PresenceUpdate(changed.memberId(), changed.presence())));
    }

    /** Runs after the surrounding transaction commits (never after a rollback), or at once outside of one. */
    private static void afterCommit(Runnable relay) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            relay.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                relay.run();
            }
        });
    }
}
