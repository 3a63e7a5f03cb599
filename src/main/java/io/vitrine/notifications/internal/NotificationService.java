package io.vitrine.notifications.internal;

import io.vitrine.notifications.Channel;
import io.vitrine.notifications.Notification;
import io.vitrine.notifications.NotificationsApi;
import io.vitrine.notifications.Recipient;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Stores notices and queues their deliveries in the caller's transaction; the {@link OutboxWorker} sends them. */
@Service
class NotificationService implements NotificationsApi {

    private final Notices notices;
    private final Outbox outbox;
    private final PushSubscriptions subscriptions;
    private final JsonMapper json;

    NotificationService(Notices notices, Outbox outbox, PushSubscriptions subscriptions, JsonMapper json) {
        this.notices = notices;
        this.outbox = outbox;
        this.subscriptions = subscriptions;
        this.json = json;
    }

    @Override
    @Transactional
    public List<UUID> notify(Notification notification, Collection<Recipient> recipients) {
        List<UUID> ids = new ArrayList<>();
        for (Recipient recipient : recipients) {
            UUID noticeId = notices.insert(recipient, notification.kind(), notification.title(), notification.body(),
                    notification.link());
            ids.add(noticeId);
            if (notification.channels().contains(Channel.EMAIL)) {
                var calendar = notification.calendar();
                outbox.enqueue(recipient, noticeId, Channel.EMAIL, json.writeValueAsString(payload(notification, null,
                        calendar == null ? null : calendar.method(), calendar == null ? null : calendar.content())));
            }
            if (notification.channels().contains(Channel.PUSH)) {
                // One row per browser, so a failing one is retried without sending twice to the others.
                subscriptions.of(recipient).forEach(subscription -> outbox.enqueue(recipient, noticeId, Channel.PUSH,
                        json.writeValueAsString(payload(notification, subscription.id(), null, null))));
            }
        }
        return ids;
    }

    private static Payload payload(Notification n, UUID subscriptionId, String calendarMethod, String calendar) {
        return new Payload(n.kind(), n.title(), n.body(), n.link(), subscriptionId, calendarMethod, calendar);
    }
}
