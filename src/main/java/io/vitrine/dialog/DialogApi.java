package io.vitrine.dialog;

import io.vitrine.shared.Actor;

import io.vitrine.shared.Avatar;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the realtime gateway needs of dialogs. Every call checks that the actor may see the dialog. */
public interface DialogApi {

    DialogView view(UUID dialogId, Actor actor);

    /** One page of events after {@code afterSeq}; an empty page means there are no more. */
    List<TimelineEvent> eventsAfter(UUID dialogId, long afterSeq, Actor actor);

    /**
     * The dialog, the actor's membership and one page of events after {@code afterSeq}, all from one read-only
     * transaction. A client ahead of the stored timeline gets the page from the start.
     */
    DialogResume resume(UUID dialogId, long afterSeq, Actor actor);

    TimelineEvent say(UUID dialogId, Actor actor, String text, String clientRef);

    /** The actor's avatar in this dialog; refused when the actor takes no part in it. */
    Avatar participant(UUID dialogId, Actor actor);

    /** The actor's seat in this dialog and what it allows. */
    Membership membership(UUID dialogId, Actor actor);

    /**
     * The actor's seat in the dialog's live stream; refused unless they are present with a voice in a dialog
     * that is live and on video.
     */
    StreamSeat streamSeat(UUID dialogId, Actor actor);

    StaffQueue staffQueue(UUID merchantId);

    /** Position (1 = next) of each waiting dialog of the merchant. */
    Map<UUID, Integer> queuePositions(UUID merchantId);
}
