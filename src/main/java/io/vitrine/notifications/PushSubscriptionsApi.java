package io.vitrine.notifications;

import java.util.UUID;

/** Browser push subscriptions, for modules that decide themselves who may subscribe (e.g. only a dialog's Host). */
public interface PushSubscriptionsApi {

    /** Stores the browser's PushSubscription for the recipient; the same endpoint again replaces its keys. */
    UUID subscribe(Recipient owner, String endpoint, String p256dh, String auth);
}
