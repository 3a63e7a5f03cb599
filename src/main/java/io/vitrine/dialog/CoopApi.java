package io.vitrine.dialog;

import java.util.UUID;

/** What the realtime gateway tells the co-op part of dialogs. */
public interface CoopApi {

    /** The shopper has had no connection to the dialog for the grace period: a present Guest has left. */
    void disconnected(UUID dialogId, UUID shopperId);
}
