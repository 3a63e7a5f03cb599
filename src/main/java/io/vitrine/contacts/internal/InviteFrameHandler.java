package io.vitrine.contacts.internal;

import io.vitrine.realtime.FrameContext;
import io.vitrine.realtime.FrameHandler;
import org.springframework.stereotype.Component;

/** {@code inviteToContacts}: the dialog's expert sends the Host the card to join their contacts. */
@Component
class InviteFrameHandler implements FrameHandler<ContactFrames.InviteToContacts> {

    private final Invitations invitations;

    InviteFrameHandler(Invitations invitations) {
        this.invitations = invitations;
    }

    @Override
    public String wireType() {
        return "inviteToContacts";
    }

    @Override
    public Class<ContactFrames.InviteToContacts> frameType() {
        return ContactFrames.InviteToContacts.class;
    }

    @Override
    public void handle(FrameContext context, ContactFrames.InviteToContacts frame) {
        invitations.inviteFromDialog(frame.dialogId(), context.actor());
    }
}
