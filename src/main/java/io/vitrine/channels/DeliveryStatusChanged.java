package io.vitrine.channels;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A provider's report about an outbound message (Twilio status callback, WhatsApp status webhook). {@code reason} is
 * the provider's code and text when it failed, e.g. {@code 131047 Re-engagement message}.
 */
public record DeliveryStatusChanged(UUID merchantId, Channel channel, String providerMessageId, DeliveryState state,
        @Nullable String reason) {}
