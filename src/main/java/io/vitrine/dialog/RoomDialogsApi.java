package io.vitrine.dialog;

import io.vitrine.shopper.Shopper;
import java.util.UUID;

/**
 * What a brand room needs of dialogs: a dialog assigned directly to its expert (no routing), and visitors joining it
 * as Guests within the room's capacity. The room keeps the dialog's id; everything live (timeline, chat, stream,
 * seats, permissions) is the dialog's own.
 */
public interface RoomDialogsApi {

    /**
     * The room's live dialog with its expert. {@code dialogId} is the room's dialog so far, or null: a live one is
     * returned as it is, an ended one (or one back in the queue) is live again with its timeline kept, and without
     * one a new dialog is made, owned by an identity of its own that never takes a seat, so every visitor is a Guest.
     */
    UUID open(UUID merchantId, UUID expertId, DialogMode mode, String ownerName, UUID dialogId);

    /**
     * A visitor joins the room's dialog as a Guest, or comes back to their seat; refused with {@code room_full}
     * when {@code capacity} customers are present. The dialog keeps the capacity, so a Guest who left and comes
     * back through the dialog's own rejoin (or anyone through an invite link) is held to it too. {@code current} is the visitor's shopper identity, if any; one of
     * another merchant is ignored and a new Guest identity made, whose token is returned once.
     */
    Joined join(UUID dialogId, Shopper current, String screenName, int capacity);

    /** Who joined: {@code token} is set when a new Guest identity was made for them. */
    record Joined(String token, Shopper shopper, DialogView dialog) {}
}
