package io.vitrine.dialog.internal;

import io.vitrine.dialog.DialogEvents.DialogChanged;
import io.vitrine.dialog.DialogEvents.TimelineAppended;
import io.vitrine.dialog.DialogView;
import io.vitrine.dialog.EventKind;
import io.vitrine.dialog.ProductCard;
import io.vitrine.dialog.TimelineEvent;
import java.time.Instant;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Stores timeline events and announces changes; listeners act once the transaction has committed. */
@Component
class DialogChanges {

    private final Timeline timeline;
    private final Dialogs dialogs;
    private final DialogViews views;
    private final ApplicationEventPublisher events;
    private final AnswerMail answerMail;

    DialogChanges(Timeline timeline, Dialogs dialogs, DialogViews views, ApplicationEventPublisher events,
            AnswerMail answerMail) {
        this.timeline = timeline;
        this.dialogs = dialogs;
        this.views = views;
        this.events = events;
        this.answerMail = answerMail;
    }

    TimelineEvent append(DialogRow d, EventKind kind, Participants.Row author, String text, String clientRef, Instant now) {
        return append(d, kind, author, text, clientRef, null, now);
    }

    TimelineEvent append(DialogRow d, EventKind kind, Participants.Row author, String text, String clientRef,
            ProductCard product, Instant now) {
        TimelineEvent event = timeline.append(d.id(), kind, author, text, clientRef, product, now);
        announce(d, event);
        return event;
    }

    /** Announces an event stored in the current transaction; its listeners act once it commits. */
    void announce(DialogRow d, TimelineEvent event) {
        events.publishEvent(new TimelineAppended(d.merchantId(), event));
        if (answerMail.answers(event)) {
            events.publishEvent(new AnswerMail.Answered(d.merchantId(), event));
        }
    }

    DialogView view(DialogRow d) {
        return views.of(d);
    }

    DialogView changed(UUID dialogId) {
        DialogRow d = dialogs.find(dialogId).orElseThrow();
        DialogView view = views.of(d);
        events.publishEvent(new DialogChanged(d.merchantId(), view));
        return view;
    }
}
