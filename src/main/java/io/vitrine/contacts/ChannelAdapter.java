package io.vitrine.contacts;

import java.util.UUID;

/**
 * Sends a contact's messages on one channel. One bean per channel; the outbox picks the adapter by
 * {@link #channel()}. Every implementation must pass the contract test {@code ChannelAdapterContract}.
 */
public interface ChannelAdapter {

    ContactChannel channel();

    /** Whether the merchant can use this channel now (credentials, numbers, a mail server); invites offer only these. */
    boolean configured(UUID merchantId);

    /**
     * The address in its canonical form (e.g. a lower-case domain, an E.164 number), or a
     * {@code DomainException.invalidField("address", …)} that tells the shopper what is wrong.
     */
    String normalize(String address);

    /** The address the expert's messages come from on this channel, issued once per expert. */
    String proxyAddress(UUID merchantId, UUID memberId, String suggestedName);

    /**
     * Sends one message. Must not throw for a provider problem: it answers {@link SendResult.Retry} for a passing one
     * and {@link SendResult.Failed} for one that will not change.
     */
    SendResult send(OutboundMessage message);

    /**
     * Opens a run of sends that may share connections to the provider (the email channel keeps its SMTP connections
     * open for the run); the outbox opens one per batch and closes it after. A run may be used from several threads
     * at once. By default each send stands alone.
     */
    default Sending sending() {
        return new Sending() {
            @Override
            public SendResult send(OutboundMessage message) {
                return ChannelAdapter.this.send(message);
            }

            @Override
            public void close() {}
        };
    }

    /** A run of sends opened by {@link #sending()}; the same contract as {@link ChannelAdapter#send}. */
    interface Sending extends AutoCloseable {

        SendResult send(OutboundMessage message);

        @Override
        void close();
    }
}
