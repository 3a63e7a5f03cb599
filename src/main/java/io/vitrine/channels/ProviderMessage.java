package io.vitrine.channels;

/** A message a provider accepted: its id there (Twilio's SM…/MM… sid, WhatsApp's wamid.…) and its state. */
public record ProviderMessage(String id, DeliveryState status) {}
