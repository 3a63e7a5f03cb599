package io.vitrine.notifications.internal;

import java.util.UUID;

/** What an outbox row carries, stored as JSON: the notice and, per channel, the push subscription or calendar. */
record Payload(String kind, String title, String body, String link, UUID subscriptionId, String calendarMethod,
        String calendar) {}
