package io.vitrine.dialog.internal;

import io.vitrine.shared.Actor;
import io.vitrine.dialog.DialogProductsApi;
import io.vitrine.dialog.DialogStatus;
import io.vitrine.dialog.EventKind;
import io.vitrine.dialog.Permission;
import io.vitrine.dialog.ProductCard;
import io.vitrine.dialog.TimelineEvent;
import io.vitrine.shared.DomainException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Product cards on the timeline: stored and sequenced like messages, so resume and transcripts carry them. */
@Service
class ProductCards implements DialogProductsApi {

    private final DialogAccess access;
    private final DialogChanges changes;
    private final Timeline timeline;
    private final Dialogs dialogs;
    private final Clock clock;

    ProductCards(DialogAccess access, DialogChanges changes, Timeline timeline, Dialogs dialogs, Clock clock) {
        this.access = access;
        this.changes = changes;
        this.timeline = timeline;
        this.dialogs = dialogs;
        this.clock = clock;
    }

    @Override
    @Transactional
    public TimelineEvent showProduct(UUID dialogId, Actor actor, ProductCard card) {
        var seat = access.lock(dialogId, actor).require(Permission.SHOW_PRODUCT);
        DialogRow d = seat.dialog();
        if (d.status() == DialogStatus.ENDED) {
            throw DomainException.conflict("ended", "This dialog has ended.");
        }
        if (d.status() == DialogStatus.WAITING || d.status() == DialogStatus.MESSAGE) {
            throw DomainException.conflict("not_accepted", "Accept the dialog before showing products in it.");
        }
        return changes.append(d, EventKind.PRODUCT, seat.participant(), card.title(), null, card, Instant.now(clock));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ProductCard> shownCard(UUID dialogId, long seq) {
        return timeline.card(dialogId, seq);
    }

    @Override
    @Transactional(readOnly = true)
    public boolean wasShown(UUID dialogId, UUID productId) {
        return timeline.shown(dialogId, productId);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<UUID> expertOf(UUID dialogId) {
        return dialogs.find(dialogId).map(DialogRow::expertId);
    }
}
