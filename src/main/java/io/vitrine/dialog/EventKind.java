package io.vitrine.dialog;

/** What a timeline event records; see docs/protocol.md. */
public enum EventKind { REQUESTED, MESSAGE_LEFT, ACCEPTED, JOINED, LEFT, MESSAGE, MODE, ENDED, RATED, PRODUCT }
