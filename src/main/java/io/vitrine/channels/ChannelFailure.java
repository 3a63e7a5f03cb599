package io.vitrine.channels;

import org.jspecify.annotations.Nullable;

/**
 * A send the provider refused, or could not be reached for. {@link #retryable()} tells an outbox whether to try again
 * later (the provider was down or throttling) or to give up (the recipient unsubscribed, the number is invalid...).
 * {@link #providerCode()} and {@link #providerReason()} are the provider's own, for showing on the message.
 */
public final class ChannelFailure extends RuntimeException {

    public enum Reason {
        /** Twilio 21610: the recipient replied STOP; WhatsApp 131050: the user stopped marketing messages. */
        RECIPIENT_OPTED_OUT(false),
        /** Twilio 21211/21614, WhatsApp 131026/131030: not a (reachable) number. */
        INVALID_RECIPIENT(false),
        /** WhatsApp 131047: more than 24 hours since the shopper's last message; only templates may be sent. */
        OUTSIDE_SERVICE_WINDOW(false),
        /** The merchant has no account, or the number is not theirs, or the provider refused the credentials. */
        NOT_CONFIGURED(false),
        /** Any other refusal of this message by the provider. */
        REJECTED(false),
        /** Provider down, timing out or throttling (HTTP 429/5xx, WhatsApp 130429/131000/131016). */
        UNAVAILABLE(true);

        private final boolean retryable;

        Reason(boolean retryable) {
            this.retryable = retryable;
        }
    }

    private final Reason reason;
    private final @Nullable String providerCode;

    public ChannelFailure(Reason reason, @Nullable String providerCode, String providerReason) {
        super(providerReason);
        this.reason = reason;
        this.providerCode = providerCode;
    }

    public Reason reason() {
        return reason;
    }

    public boolean retryable() {
        return reason.retryable;
    }

    public @Nullable String providerCode() {
        return providerCode;
    }

    public String providerReason() {
        return String.valueOf(getMessage());
    }
}
