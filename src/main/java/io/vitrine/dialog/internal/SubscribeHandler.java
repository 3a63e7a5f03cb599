package io.vitrine.dialog.internal;

import io.vitrine.dialog.CustomerPresenceApi;
import io.vitrine.dialog.DialogApi;
import io.vitrine.dialog.DialogResume;
import io.vitrine.dialog.DialogStatus;
import io.vitrine.dialog.DialogView;
import io.vitrine.dialog.TimelineEvent;
import io.vitrine.merchant.TeamApi;
import io.vitrine.realtime.FrameContext;
import io.vitrine.realtime.FrameHandler;
import io.vitrine.realtime.Following;
import io.vitrine.realtime.protocol.ClientMessage;
import io.vitrine.realtime.protocol.ServerMessage;
import io.vitrine.shared.Actor;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Follows a dialog: replays what the client missed, then sends what happens live. */
@Component
class SubscribeHandler implements FrameHandler<ClientMessage.Subscribe> {

    private final DialogApi dialogs;
    private final CustomerPresenceApi customerPresence;
    private final TeamApi team;

    SubscribeHandler(DialogApi dialogs, CustomerPresenceApi customerPresence, TeamApi team) {
        this.dialogs = dialogs;
        this.customerPresence = customerPresence;
        this.team = team;
    }

    @Override
    public String wireType() {
        return "subscribe";
    }

    @Override
    public Class<ClientMessage.Subscribe> frameType() {
        return ClientMessage.Subscribe.class;
    }

    /**
     * Follows first, then replays from storage page by page, so no event can fall between the two; a caller the
     * dialog is refused to stops following it. A client ahead of the stored timeline is told to reset and gets the
     * timeline from the start, never silence. Each page comes with the view and membership read in the same
     * transaction; the last, empty page's are the ones confirmed.
     */
    @Override
    public void handle(FrameContext context, ClientMessage.Subscribe s) {
        Actor actor = context.actor();
        UUID dialogId = s.dialogId();
        long afterSeq = s.afterSeq();
        Following stream = context.follow(dialogId);
        DialogResume resume;
        try {
            resume = dialogs.resume(dialogId, afterSeq, actor);
        } catch (RuntimeException refused) {
            stream.cancel();
            throw refused;
        }
        if (actor instanceof Actor.Shopper) {
            customerPresence.customersConnected(Set.of(dialogId));
        }
        stream.startReplay(resume.afterSeq());
        try {
            if (resume.afterSeq() != afterSeq) {
                context.reply(new ServerMessage.Reset(dialogId, resume.view().lastSeq()));
            }
            while (!resume.events().isEmpty()) {
                for (TimelineEvent event : resume.events()) {
                    if (!stream.replayed(DialogFrames.Event.of(event))) {
                        return;
                    }
                }
                resume = dialogs.resume(dialogId, resume.events().getLast().seq(), actor);
            }
        } finally {
            stream.finishReplay(resume.membership().role(), new DialogFrames.Subscribed(dialogId,
                    resume.view().lastSeq(), resume.view(), resume.membership()));
        }
        DialogView view = resume.view();
        if (view.status() == DialogStatus.WAITING) {
            Integer position = dialogs.queuePositions(actor.merchantId()).get(dialogId);
            if (position != null) {
                context.reply(new DialogFrames.Queue(dialogId, position, !team.online(actor.merchantId()).isEmpty()));
            }
        }
    }
}
