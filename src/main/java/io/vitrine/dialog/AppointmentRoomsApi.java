package io.vitrine.dialog;

import java.util.UUID;

/**
 * What scheduling needs of dialogs for an appointment without a dialog of its own (one booked on the booking page):
 * a room opened at its time straight to its expert, and Guests seated in it from their appointment links.
 */
public interface AppointmentRoomsApi {

    /**
     * A new live dialog on video, assigned to the expert without routing, with the shopper as its Host. Nobody is
     * connected yet: the dialog waits for its people as a reopened one does.
     */
    UUID openRoom(UUID merchantId, UUID expertId, UUID hostShopperId);

    /**
     * The shopper takes a Guest's seat in the live dialog, within the five-customer cap ({@code stream_full}). One
     * who is in it already keeps their seat; a Guest who left takes it back.
     */
    void seatGuest(UUID dialogId, UUID shopperId, String screenName);
}
