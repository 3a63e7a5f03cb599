package io.vitrine.contacts;

/** What became of one send. */
public sealed interface SendResult {

    /** The provider took the message; {@code providerId} is its id for the message, if any. */
    record Sent(String providerId) implements SendResult {}

    /** A passing problem (server down, rate limit): try again later. */
    record Retry(String reason) implements SendResult {}

    /** A problem that will not change (recipient refused, message malformed): never try again. */
    record Failed(String reason) implements SendResult {}

    /** The recipient opted out at the provider (replied STOP there): the contact is opted out too, nothing more goes. */
    record OptedOut(String reason) implements SendResult {}
}
