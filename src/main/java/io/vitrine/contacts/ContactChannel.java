package io.vitrine.contacts;

/** The ways a contact is reached; each is served by one {@link ChannelAdapter}. */
public enum ContactChannel { EMAIL, SMS, WHATSAPP }
