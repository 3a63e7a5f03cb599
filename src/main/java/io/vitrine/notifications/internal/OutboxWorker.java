package io.vitrine.notifications.internal;

import io.vitrine.notifications.Channel;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends due outbox rows. Each row is claimed first (see {@link Outbox}), then sent outside any transaction, then
 * marked sent, retried later with exponential backoff, or failed after the last attempt. The recipient's preferences
 * are checked here, at sending time, so a channel turned off after queueing is honoured.
 */
@Component
public class OutboxWorker {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxWorker.class);

    private static final int PUSH_BODY_LIMIT = 1000;

    private final String name = "worker-" + UUID.randomUUID();
    private final Outbox outbox;
    private final Preferences preferences;
    private final Addresses addresses;
    private final EmailSender mail;
    private final WebPushSender push;
    private final PushSubscriptions subscriptions;
    private final NotificationsProperties.Outbox settings;
    private final JsonMapper json;
    private final Clock clock;

    OutboxWorker(Outbox outbox, Preferences preferences, Addresses addresses, EmailSender mail, WebPushSender push,
            PushSubscriptions subscriptions, NotificationsProperties properties, JsonMapper json, Clock clock) {
        this.outbox = outbox;
        this.preferences = preferences;
        this.addresses = addresses;
        this.mail = mail;
        this.push = push;
        this.subscriptions = subscriptions;
        this.settings = properties.outbox();
        this.json = json;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${vitrine.notifications.outbox.poll-interval:2s}")
    void tick() {
        try {
            sendDue();
        } catch (RuntimeException e) {
            LOG.warn("Notification outbox run failed; trying again on the next tick", e);
        }
    }

    /** Sends what is due now; returns how many rows this worker claimed. */
    public int sendDue() {
        var claimed = outbox.claimDue(name, clock.instant().plus(settings.lease()), settings.batchSize());
        claimed.forEach(this::deliver);
        return claimed.size();
    }

    private void deliver(Outbox.Row row) {
        Delivery outcome;
        try {
            outcome = attempt(row);
        } catch (RuntimeException e) {
            LOG.warn("Sending notification {} failed unexpectedly", row.id(), e);
            outcome = new Delivery.Retry("unexpected: " + e);
        }
        switch (outcome) {
            case Delivery.Sent sent -> outbox.finish(row.id(), name, Outbox.Status.SENT, null);
            case Delivery.Skipped skipped -> outbox.finish(row.id(), name, Outbox.Status.SKIPPED, skipped.reason());
            case Delivery.Failed failed -> outbox.finish(row.id(), name, Outbox.Status.FAILED, failed.error());
            case Delivery.Retry retry when row.attempts() >= settings.maxAttempts() ->
                    outbox.finish(row.id(), name, Outbox.Status.FAILED, retry.error());
            case Delivery.Retry retry -> outbox.retryAt(row.id(), name, clock.instant().plus(backoff(row.attempts())),
                    retry.error());
        }
    }

    private Delivery attempt(Outbox.Row row) {
        if (!preferences.of(row.recipient()).allows(row.channel())) {
            return new Delivery.Skipped("the recipient turned " + row.channel().name().toLowerCase() + " off");
        }
        Payload payload = json.readValue(row.payload(), Payload.class);
        if (row.channel() == Channel.EMAIL) {
            return addresses.of(row.recipient()).map(to -> mail.send(row.recipient(), to, payload))
                    .orElseGet(() -> new Delivery.Skipped("the recipient has no email address"));
        }
        return subscriptions.find(payload.subscriptionId(), row.recipient())
                .map(subscription -> push.send(subscription, pushMessage(payload)))
                .orElseGet(() -> new Delivery.Skipped("the push subscription was removed"));
    }

    private byte[] pushMessage(Payload payload) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("kind", payload.kind());
        message.put("title", payload.title());
        // A push message must fit one 4 KB record; the full text stays in the in-app notice.
        message.put("body", payload.body().length() <= PUSH_BODY_LIMIT ? payload.body()
                : payload.body().substring(0, PUSH_BODY_LIMIT - 1) + "…");
        message.put("link", payload.link());
        return json.writeValueAsString(message).getBytes(StandardCharsets.UTF_8);
    }

    /** initialBackoff doubled per attempt made, capped at maxBackoff. */
    Duration backoff(int attemptsMade) {
        Duration wait = settings.initialBackoff().multipliedBy(1L << Math.min(20, Math.max(0, attemptsMade - 1)));
        return wait.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : wait;
    }
}
