package io.vitrine.contacts.internal;

import io.vitrine.realtime.Push;
import java.time.Clock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A contact's opt-in state changed on the phone (a STOP, START or YES reply, or the provider refusing a send because
 * the shopper opted out there): the state is stored, queued messages are cancelled on opt-out, the owner sees it live.
 */
@Component
class PhoneOptOuts {

    private final Contacts contacts;
    private final Outgoing outgoing;
    private final ContactViews views;
    private final Push push;
    private final Clock clock;

    PhoneOptOuts(Contacts contacts, Outgoing outgoing, ContactViews views, Push push, Clock clock) {
        this.contacts = contacts;
        this.outgoing = outgoing;
        this.views = views;
        this.push = push;
        this.clock = clock;
    }

    @Transactional
    public void optOut(Contact contact, String reason) {
        if (contacts.optOut(contact.id(), clock.instant())) {
            outgoing.cancelQueued(contact.id(), reason);
            announce(contact);
        }
    }

    /** YES to the double opt-in request (a pending contact), or START after STOP on SMS (an opted-out one). */
    @Transactional
    public boolean confirm(Contact contact, boolean afterStop) {
        boolean changed = afterStop ? contacts.optBackIn(contact.id(), clock.instant())
                : contacts.confirm(contact.id(), clock.instant());
        if (changed) {
            announce(contact);
        }
        return changed;
    }

    private void announce(Contact contact) {
        AfterCommit.run(() -> contacts.findAnyMerchant(contact.id()).ifPresent(now ->
                push.toMember(contact.ownerId(), new ContactFrames.ContactFrame(views.of(now)))));
    }
}
