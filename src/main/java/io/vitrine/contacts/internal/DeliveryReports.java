package io.vitrine.contacts.internal;

import io.vitrine.channels.DeliveryStatusChanged;
import io.vitrine.realtime.Push;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** The provider's delivery reports (delivered, read, failed) update the message in the thread, live. */
@Component
class DeliveryReports {

    private final Messages messages;
    private final Contacts contacts;
    private final ContactViews views;
    private final Push push;

    DeliveryReports(Messages messages, Contacts contacts, ContactViews views, Push push) {
        this.messages = messages;
        this.contacts = contacts;
        this.views = views;
        this.push = push;
    }

    @ApplicationModuleListener
    void on(DeliveryStatusChanged report) {
        MessageState state = switch (report.state()) {
            case DELIVERED -> MessageState.DELIVERED;
            case READ -> MessageState.READ;
            case FAILED -> MessageState.FAILED;
            case QUEUED, SENT -> null;
        };
        if (state == null) {
            return;
        }
        for (Message changed : messages.reported(report.merchantId(), report.providerMessageId(), state,
                report.reason())) {
            contacts.findAnyMerchant(changed.contactId()).ifPresent(contact -> AfterCommit.run(() ->
                    push.toMember(contact.ownerId(), new ContactFrames.MessageFrame(contact.id(), views.of(changed)))));
        }
    }
}
