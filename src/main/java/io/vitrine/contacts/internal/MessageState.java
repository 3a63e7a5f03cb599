package io.vitrine.contacts.internal;

/** A message's delivery state; RECEIVED is every inbound message, CANCELLED a scheduled one that never left. */
public enum MessageState { QUEUED, SENT, DELIVERED, READ, FAILED, CANCELLED, RECEIVED }
