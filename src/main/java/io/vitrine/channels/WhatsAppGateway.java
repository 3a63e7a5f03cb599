package io.vitrine.channels;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * WhatsApp through the merchant's WhatsApp Business number (Cloud API). Free-form messages (text, image with a link)
 * reach a shopper only inside the {@link CustomerServiceWindow}; templates at any time. A second call with the same
 * {@code idempotencyKey} after a success answers the first message and sends nothing.
 *
 * @throws ChannelFailure when the provider refuses or cannot be reached
 */
public interface WhatsAppGateway {

    ProviderMessage sendText(UUID merchantId, String fromNumber, String toNumber, String text, String idempotencyKey);

    ProviderMessage sendTemplate(UUID merchantId, String fromNumber, String toNumber, Template template,
            String idempotencyKey);

    /** An image with a caption and one call-to-action button opening a link (e.g. a product card). */
    ProviderMessage sendImageCta(UUID merchantId, String fromNumber, String toNumber, ImageCta card,
            String idempotencyKey);

    /**
     * An approved message template: its name and language, the values of its body's {{1}}, {{2}}... and, for an
     * opt-in template, the payload its quick-reply button sends back (WhatsApp delivers it as the reply's text).
     */
    record Template(String name, String language, List<String> bodyParameters, @Nullable String quickReplyPayload) {
        public Template {
            bodyParameters = List.copyOf(bodyParameters);
        }
    }

    record ImageCta(String imageUrl, String text, String buttonText, String url) {}
}
