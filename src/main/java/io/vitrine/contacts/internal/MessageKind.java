package io.vitrine.contacts.internal;

/**
 * What a message is: the expert's own message, a follow-up (cancelled when the contact writes first), the double
 * opt-in request, the away auto-response, or a reply from the contact.
 */
public enum MessageKind { MESSAGE, FOLLOW_UP, CONFIRMATION, AUTO_REPLY, REPLY }
