package io.vitrine.notifications.internal;

/** The outcome of one attempt to send an outbox row. */
sealed interface Delivery {

    record Sent() implements Delivery {}

    /** Worth trying again later (server down, 5xx, timeout). */
    record Retry(String error) implements Delivery {}

    /** Will never work (address gone, subscription expired). */
    record Failed(String error) implements Delivery {}

    /** Not sent on purpose (the recipient turned the channel off, or has no address). */
    record Skipped(String reason) implements Delivery {}
}
