package io.vitrine.channels.internal;

import io.vitrine.shared.DomainException;

/** A webhook request that is not provably from the provider, or was seen before: answered 403, nothing kept. */
public final class WebhookRefused extends DomainException {

    private final String why;

    private WebhookRefused(String code, String message, String why) {
        super(Kind.FORBIDDEN, code, message);
        this.why = why;
    }

    static WebhookRefused unsigned() {
        return new WebhookRefused("webhook_unsigned", "The request carries no provider signature.", "unsigned");
    }

    static WebhookRefused forged() {
        return new WebhookRefused("webhook_signature_invalid", "The request's signature does not match.", "forged");
    }

    static WebhookRefused replay(String eventKey) {
        return new WebhookRefused("webhook_replayed", "This event was delivered before.", "replayed " + eventKey);
    }

    static WebhookRefused notConfigured(String what) {
        return new WebhookRefused("webhook_not_configured", "The merchant has no " + what + " set up.", "no " + what);
    }

    /** What went wrong, for the log. */
    public String why() {
        return why;
    }
}
