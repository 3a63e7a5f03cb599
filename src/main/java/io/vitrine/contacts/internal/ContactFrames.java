package io.vitrine.contacts.internal;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.vitrine.contacts.ContactChannel;
import io.vitrine.realtime.ClientFrame;
import io.vitrine.realtime.protocol.ServerMessage;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The socket frames of contacts (docs/protocol.md). None carries a contact's address. */
public final class ContactFrames {

    private ContactFrames() {}

    /** Client → server: the dialog's expert invites the Host to their contacts. */
    public record InviteToContacts(@NotNull UUID dialogId) implements ClientFrame {}

    /** To a dialog: the card with which its Host joins the expert's contacts. */
    @JsonTypeName("contactInvite")
    public record Invite(UUID dialogId, UUID inviteId, String expert, List<ContactChannel> channels)
            implements ServerMessage {}

    /** To the owning expert: a new or changed message of one of their threads. */
    @JsonTypeName("contactMessage")
    public record MessageFrame(UUID contactId, ContactViews.MessageView message) implements ServerMessage {}

    /** To the owning expert: a contact joined, confirmed, opted out or was transferred. */
    @JsonTypeName("contact")
    public record ContactFrame(ContactViews.ContactView contact) implements ServerMessage {}

    /** To the expert who set it: a reminder on a contact is due. */
    @JsonTypeName("contactReminder")
    public record Reminder(UUID reminderId, UUID contactId, String screenName, String note, Instant dueAt)
            implements ServerMessage {}
}
