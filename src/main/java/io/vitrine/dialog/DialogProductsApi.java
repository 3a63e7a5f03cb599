package io.vitrine.dialog;

import io.vitrine.shared.Actor;

import java.util.Optional;
import java.util.UUID;

/** What the commerce module needs of dialogs: product cards on the timeline and the dialog's expert. */
public interface DialogProductsApi {

    /**
     * Appends a product card to the timeline (persisted, sequenced, then sent to everyone following the dialog).
     * Refused unless the actor may {@link Permission#SHOW_PRODUCT} in a dialog that is accepted and not ended.
     */
    TimelineEvent showProduct(UUID dialogId, Actor actor, ProductCard card);

    /** The card shown as event {@code seq} of the dialog, if that event is a product card. */
    Optional<ProductCard> shownCard(UUID dialogId, long seq);

    /** Whether the product was shown in the dialog. */
    boolean wasShown(UUID dialogId, UUID productId);

    /** The team member who took the dialog, if any; for attribution of the cart it hands off. */
    Optional<UUID> expertOf(UUID dialogId);
}
