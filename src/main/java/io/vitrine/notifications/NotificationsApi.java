package io.vitrine.notifications;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Notifies people. Joins the caller's transaction: nothing is sent unless the caller commits. */
public interface NotificationsApi {

    /**
     * Stores the notice for each recipient and queues it on the notification's channels.
     *
     * @return the id of each recipient's in-app notice, in the order of the recipients
     */
    List<UUID> notify(Notification notification, Collection<Recipient> recipients);
}
