/**
 * Provider-level SMS and WhatsApp channels: Twilio's Messaging API and the WhatsApp Cloud API behind
 * {@link io.vitrine.channels.SmsGateway} and {@link io.vitrine.channels.WhatsAppGateway}, each merchant's proxy
 * numbers and encrypted provider credentials, signed inbound webhooks published as
 * {@link io.vitrine.channels.InboundMessage} and {@link io.vitrine.channels.DeliveryStatusChanged}, pure policies
 * for opt-out keywords and the 24-hour customer-service window, and (demo mode) a demo provider with the shopper's
 * phone. It knows nothing about contacts or threads.
 */
@ApplicationModule(displayName = "Channels", allowedDependencies = {"merchant", "shared"})
@NullMarked
package io.vitrine.channels;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
