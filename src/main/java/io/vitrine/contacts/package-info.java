/**
 * Contacts (clienteling): a shopper joins one expert's contacts per team, confirms by double opt-in and keeps in touch
 * over a channel (email, SMS or WhatsApp, each an {@link io.vitrine.contacts.ChannelAdapter})
 * through the expert's proxy address, so the expert never sees the shopper's address. Messages go out through a
 * durable outbox; replies come back by SMTP or IMAP and reach the owning expert live.
 */
@ApplicationModule(displayName = "Contacts",
        allowedDependencies = {"dialog", "realtime", "realtime :: protocol", "merchant", "shopper", "catalog",
                "notifications", "shared", "channels"})
package io.vitrine.contacts;

import org.springframework.modulith.ApplicationModule;
