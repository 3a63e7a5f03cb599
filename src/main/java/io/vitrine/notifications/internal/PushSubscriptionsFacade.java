package io.vitrine.notifications.internal;

import io.vitrine.notifications.PushSubscriptionsApi;
import io.vitrine.notifications.Recipient;
import java.util.UUID;
import org.springframework.stereotype.Component;

@Component
class PushSubscriptionsFacade implements PushSubscriptionsApi {

    private final PushSubscriptions subscriptions;

    PushSubscriptionsFacade(PushSubscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @Override
    public UUID subscribe(Recipient owner, String endpoint, String p256dh, String auth) {
        return subscriptions.save(owner, endpoint, p256dh, auth);
    }
}
