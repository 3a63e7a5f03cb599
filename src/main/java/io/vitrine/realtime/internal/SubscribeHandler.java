package io.vitrine.realtime.internal;

import io.vitrine.dialog.Actor;
import io.vitrine.dialog.CustomerPresenceApi;
import io.vitrine.dialog.DialogApi;
import io.vitrine.dialog.DialogResume;
import io.vitrine.dialog.DialogStatus;
import io.vitrine.dialog.DialogView;
import io.vitrine.dialog.TimelineEvent;
import io.vitrine.merchant.TeamApi;
import io.vitrine.realtime.FrameContext;
import io.vitrine.realtime.FrameHandler;
import io.vitrine.realtime.fanout.Fanout;
import io.vitrine.realtime.protocol.ClientMessage;
import io.vitrine.realtime.protocol.ServerMessage;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/** Follows a dialog: replays what the client missed, then sends what happens live. */
@Component
class SubscribeHandler implements FrameHandler<ClientMessage.Subscribe> {

    private final Fanout fanout;
    private final DialogApi dialogs;
    private final CustomerPresenceApi customerPresence;
    private final TeamApi team;
    private final ObjectWriter writer;

    SubscribeHandler(Fanout fanout, DialogApi dialogs, CustomerPresenceApi customerPresence, TeamApi team,
            JsonMapper json) {
        this.fanout = fanout;
        this.dialogs = dialogs;
        this.customerPresence = customerPresence;
        this.team = team;
        this.writer = json.writerFor(ServerMessage.class);
    }

    @Override
    public String wireType() {
        return "subscribe";
    }

    @Override
    public Class<ClientMessage.Subscribe> frameType() {
        return ClientMessage.Subscribe.class;
    }

    @Override
    public void handle(FrameContext context, ClientMessage.Subscribe s) {
        subscribe(Caller.connectionOf(context), context.actor(), s.dialogId(), s.afterSeq());
    }

    /**
     * Follows first, then replays from storage page by page, so no event can fall between the two; a caller the
     * dialog is refused to stops following it. A client ahead of the stored timeline is told to reset and gets the
     * timeline from the start, never silence. Each page comes with the view and membership read in the same
     * transaction; the last, empty page's are the ones confirmed.
     */
    private void subscribe(Connection connection, Actor actor, UUID dialogId, long afterSeq) {
        Connection.DialogStream stream = connection.stream(dialogId, fanout);
        DialogResume resume;
        try {
            resume = dialogs.resume(dialogId, afterSeq, actor);
        } catch (RuntimeException refused) {
            connection.unfollow(dialogId);
            throw refused;
        }
        if (actor instanceof Actor.Shopper) {
            customerPresence.customersConnected(Set.of(dialogId));
        }
        stream.startReplay(resume.afterSeq());
        try {
            if (resume.afterSeq() != afterSeq) {
                send(connection, new ServerMessage.Reset(dialogId, resume.view().lastSeq()));
            }
            while (!resume.events().isEmpty()) {
                for (TimelineEvent event : resume.events()) {
                    var frame = ServerMessage.Event.of(event);
                    if (!stream.replayed(frame, writer.writeValueAsString(frame))) {
                        return;
                    }
                }
                resume = dialogs.resume(dialogId, resume.events().getLast().seq(), actor);
            }
        } finally {
            connection.seat(dialogId, resume.membership().role(), fanout);
            stream.finishReplay(writer.writeValueAsString(new ServerMessage.Subscribed(dialogId,
                    resume.view().lastSeq(), resume.view(), resume.membership())));
        }
        DialogView view = resume.view();
        if (view.status() == DialogStatus.WAITING) {
            Integer position = dialogs.queuePositions(actor.merchantId()).get(dialogId);
            if (position != null) {
                send(connection, new ServerMessage.Queue(dialogId, position, !team.online(actor.merchantId()).isEmpty()));
            }
        }
    }

    private void send(Connection connection, ServerMessage message) {
        connection.send(writer.writeValueAsString(message));
    }
}
