package io.vitrine.channels.internal;

/** Vitrine's webhook paths, configured at the providers (docs/channels.md) and signed by them. */
public final class WebhookPaths {

    private WebhookPaths() {}

    public static String twilioInbound(String merchantSlug) {
        return "/api/v1/channels/twilio/" + merchantSlug + "/messages";
    }

    public static String twilioStatus(String merchantSlug) {
        return "/api/v1/channels/twilio/" + merchantSlug + "/status";
    }

    public static String whatsapp(String merchantSlug) {
        return "/api/v1/channels/whatsapp/" + merchantSlug;
    }
}
