package io.vitrine.contacts.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vitrine.contacts.ContactChannel;
import io.vitrine.contacts.internal.Away;
import io.vitrine.contacts.internal.ContactViews;
import io.vitrine.contacts.internal.Invitations;
import io.vitrine.contacts.internal.Reminders;
import io.vitrine.contacts.internal.Threads;
import io.vitrine.contacts.internal.Transfers;
import io.vitrine.shared.Actor;
import io.vitrine.merchant.StaffPrincipal;
import io.vitrine.shared.QrCodes;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The Contacts area of the console: the expert's contacts, threads, composer, invites, away mode and reminders. */
@RestController
@RequestMapping("/api/v1/contacts")
@Tag(name = "Contacts")
@SecurityRequirement(name = "staffSession")
class ContactsController {

    record NewMessage(@Size(max = 5000) String text, @Size(max = 6) List<UUID> productIds, Instant sendAt,
            Boolean followUp,
            @Schema(description = "WhatsApp only: send the text as the approved re-engagement template, the one kind of"
                    + " message that reaches the contact when their 24-hour window is closed (serviceWindow.open false)")
            Boolean template) {}

    record InviteLink(String url, Instant expiresAt, String qr) {}

    record AwayRequest(String message, Instant backAt) {}

    record AwayState(boolean away, String message, Instant backAt, Instant since) {}

    record NewReminder(Instant dueAt, String note) {}

    record TransferRequest(@NotNull UUID fromMemberId, @NotNull UUID toMemberId, List<UUID> contactIds) {}

    record Transferred(int moved) {}

    record ChannelsOffered(List<ContactChannel> channels) {}

    private final Threads threads;
    private final Invitations invitations;
    private final Away away;
    private final Reminders reminders;
    private final Transfers transfers;
    private final JoinLinks links;

    ContactsController(Threads threads, Invitations invitations, Away away, Reminders reminders, Transfers transfers,
            JoinLinks links) {
        this.threads = threads;
        this.invitations = invitations;
        this.away = away;
        this.reminders = reminders;
        this.transfers = transfers;
        this.links = links;
    }

    @GetMapping
    @Operation(summary = "The caller's contacts (an admin with all=true: the merchant's), latest conversation first; "
            + "screen name, channel and opt-in state, never the address")
    List<ContactViews.ContactView> list(@Parameter(hidden = true) @AuthenticationPrincipal StaffPrincipal principal,
            @RequestParam(required = false) @Size(max = 80) String q, @RequestParam(defaultValue = "false") boolean all) {
        return threads.list(staff(principal), q, all);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One contact")
    ContactViews.ContactView contact(@Parameter(hidden = true) @AuthenticationPrincipal StaffPrincipal principal,
            @PathVariable UUID id) {
        return threads.contact(staff(principal), id);
    }

    @GetMapping("/{id}/messages")
    @Operation(summary = "The thread with a contact, oldest first; reading it as the owner clears the unread count")
    List<ContactViews.MessageView> thread(@Parameter(hidden = true) @AuthenticationPrincipal StaffPrincipal principal,
            @PathVariable UUID id) {
        return threads.thread(staff(principal), id);
    }

    @PostMapping("/{id}/messages")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Writes to a confirmed contact: now, at sendAt, or as a follow-up cancelled if they reply first",
            description = "On WhatsApp a free-form message must leave inside the contact's 24-hour customer-service window"
                    + " (serviceWindow of the contact); outside it only template: true is accepted (text only).")
    @ApiResponse(responseCode = "409", description = "not_confirmed, opted_out, or outside_service_window: the WhatsApp"
            + " window is closed and only an approved template can be sent")
    ContactViews.MessageView send(@Parameter(hidden = true) @AuthenticationPrincipal StaffPrincipal principal,
            @PathVariable UUID id, @Valid @RequestBody NewMessage message) {
        return threads.send(staff(principal), id, message.text(), message.productIds(), message.sendAt(),
                Boolean.TRUE.equals(message.followUp()), Boolean.TRUE.equals(message.template()));
    }

    @DeleteMapping("/{id}/messages/{messageId}")
    @Operation(summary = "Cancels a scheduled message or follow-up that has not been sent")
    ContactViews.MessageView cancel(@Parameter(hidden = true) @AuthenticationPrincipal StaffPrincipal principal,
            @PathVariable UUID id, @PathVariable UUID messageId) {
        return threads.cancel(staff(principal), id, messageId);
    }

    @GetMapping("/{id}/attachments/{attachmentId}")
    @Operation(summary = "An image the contact sent")
    ResponseEntity<byte[]> attachment(@Parameter(hidden = true) @AuthenticationPrincipal StaffPrincipal principal,
            @PathVariable UUID id, @PathVariable UUID attachmentId) {
        byte[] content = threads.attachment(staff(principal), id, attachmentId);
        // Served as bytes, never rendered as a page of Vitrine's origin.
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header("Content-Disposition", "attachment").body(content);
    }

    @GetMapping("/channels")
    @Operation(summary = "The channels the shop offers for contacts now")
    ChannelsOffered channels(@Parameter(hidden = true) @AuthenticationPrincipal StaffPrincipal principal) {
        return new ChannelsOffered(links.channels(principal.merchantId()));
    }

    @PostMapping("/invites")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "An invite link (shown as a QR code) the shopper opens on their own phone to join")
    InviteLink invite(@Parameter(hidden = true) @AuthenticationPrincipal StaffPrincipal principal) {
        Invitations.Link link = invitations.inviteLink(staff(principal));
        return new InviteLink(links.join(link.token()), link.expiresAt(),
                "/api/v1/contacts/invites/" + link.token() + "/qr.svg");
    }

    @GetMapping(value = "/invites/{token}/qr.svg", produces = "image/svg+xml")
    @Operation(summary = "The caller's own invite link as a QR code (SVG) for the shopper to scan in the store")
    ResponseEntity<String> inviteQr(@Parameter(hidden = true) @AuthenticationPrincipal StaffPrincipal principal,
            @PathVariable @Size(max = 100) String token) {
        String url = links.join(invitations.ownLink(staff(principal), token));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.valueOf("image/svg+xml"))
                .body(QrCodes.svg(url));
    }

    @GetMapping("/away")
    @Operation(summary = "Whether the caller is away, and their auto-response")
    AwayState away(@Parameter(hidden = true) @AuthenticationPrincipal StaffPrincipal principal) {
        return away.current(principal.memberId()).map(p -> new AwayState(true, p.message(), p.backAt(), p.since()))
                .orElse(new AwayState(false, null, null, null));
    }

    @PutMapping("/away")
    @Operation(summary = "Sets the caller away with an auto-response sent once per away period to each contact who writes")
    AwayState setAway(@Parameter(hidden = true) @AuthenticationPrincipal StaffPrincipal principal,
            @RequestBody AwayRequest request) {
        Away.Period period = away.set(staff(principal), request.message(), request.backAt());
        return new AwayState(true, period.message(), period.backAt(), period.since());
    }

    @DeleteMapping("/away")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Ends the caller's away period")
    void back(@Parameter(hidden = true) @AuthenticationPrincipal StaffPrincipal principal) {
        away.clear(staff(principal));
    }

    @PostMapping("/{id}/reminders")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A reminder on a contact: a push notification and a console alert when due")
    Reminders.Reminder remind(@Parameter(hidden = true) @AuthenticationPrincipal StaffPrincipal principal,
            @PathVariable UUID id, @RequestBody NewReminder reminder) {
        return reminders.add(staff(principal), id, reminder.dueAt(), reminder.note());
    }

    @GetMapping("/reminders")
    @Operation(summary = "The caller's reminders that are not due yet")
    List<Reminders.Reminder> reminders(@Parameter(hidden = true) @AuthenticationPrincipal StaffPrincipal principal) {
        return reminders.upcoming(staff(principal));
    }

    @PostMapping("/transfers")
    @Operation(summary = "Admins: moves contacts (the listed ones, or all) from one expert to another")
    Transferred transfer(@Parameter(hidden = true) @AuthenticationPrincipal StaffPrincipal principal,
            @Valid @RequestBody TransferRequest request) {
        return new Transferred(transfers.transfer(staff(principal), request.fromMemberId(), request.toMemberId(),
                request.contactIds()));
    }

    static Actor.Staff staff(StaffPrincipal principal) {
        return new Actor.Staff(principal.memberId(), principal.merchantId(), principal.isAdmin());
    }

}
