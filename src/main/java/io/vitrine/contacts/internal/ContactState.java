package io.vitrine.contacts.internal;

/** Where a contact stands with the double opt-in: only CONFIRMED contacts receive messages. */
public enum ContactState { PENDING, CONFIRMED, OPTED_OUT }
