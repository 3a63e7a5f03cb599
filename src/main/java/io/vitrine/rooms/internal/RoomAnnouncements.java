package io.vitrine.rooms.internal;

import io.vitrine.contacts.ContactMessagesApi;
import io.vitrine.notifications.CalendarInvites;
import io.vitrine.notifications.Channel;
import io.vitrine.notifications.Notification;
import io.vitrine.notifications.NotificationsApi;
import io.vitrine.notifications.Recipient;
import io.vitrine.rooms.RoomState;
import io.vitrine.shared.DomainException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Announces a room by email to addresses the brand pastes: each gets the link and a calendar invitation
 * (METHOD:REQUEST, the room's id as UID), through the notifications outbox, with its unsubscribe link. Everyone
 * told of a room hears of its moves (REQUEST again, sequence raised), its cancellation (CANCEL) and its opening.
 */
@Service
public class RoomAnnouncements {

    public static final int MAX_ADDRESSES = 500;
    private static final Pattern SEPARATORS = Pattern.compile("[\\s,;]+");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s\"<>()]{1,64}@[^@\\s\"<>()]+\\.[^@\\s\"<>().]{2,}$");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter WHEN_TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private final RoomService rooms;
    private final RoomInvitees invitees;
    private final NotificationsApi notifications;
    private final ContactMessagesApi contacts;
    private final Clock clock;

    RoomAnnouncements(RoomService rooms, RoomInvitees invitees, NotificationsApi notifications,
            ContactMessagesApi contacts, Clock clock) {
        this.rooms = rooms;
        this.invitees = invitees;
        this.notifications = notifications;
        this.contacts = contacts;
        this.clock = clock;
    }

    /** How an announcement went: {@code sent} new addresses, {@code skipped} told of this room before. */
    public record Result(int sent, int skipped, int total) {}

    @Transactional
    public Result announce(RoomService.Caller caller, java.util.UUID roomId, String pasted, String link) {
        Room room = announceable(caller, roomId);
        Instant now = Instant.now(clock);
        Set<String> addresses = addresses(pasted);
        List<Recipient> recipients = new ArrayList<>();
        int skipped = 0;
        for (String email : addresses) {
            var invitee = invitees.idOf(room.merchantId(), email, now);
            if (invitees.markAnnounced(room.id(), invitee, now)) {
                recipients.add(Recipient.invitee(room.merchantId(), invitee));
            } else {
                skipped++;
            }
        }
        if (!recipients.isEmpty()) {
            notifications.notify(notice(room, link), recipients);
        }
        return new Result(recipients.size(), skipped, invitees.announced(room.id()));
    }

    /**
     * Announces the room to its expert's confirmed email contacts, as a message from the expert through the contacts
     * outbox (their opt-in was for the expert's messages; an opted-out contact gets nothing). Each contact once.
     */
    @Transactional
    public Result announceToContacts(RoomService.Caller caller, java.util.UUID roomId, String link) {
        Room room = announceable(caller, roomId);
        Instant now = Instant.now(clock);
        int sent = 0;
        int skipped = 0;
        for (var contact : contacts.confirmedEmailContacts(room.merchantId(), room.expertId())) {
            if (!invitees.markContactAnnounced(room.id(), contact, now)) {
                skipped++;
            } else if (contacts.message(room.merchantId(), room.expertId(), contact, body(room, link))) {
                sent++;
            }
        }
        return new Result(sent, skipped, invitees.contactsAnnounced(room.id()).size());
    }

    private Room announceable(RoomService.Caller caller, java.util.UUID roomId) {
        Room room = rooms.require(caller, roomId);
        RoomState state = room.state(Instant.now(clock));
        if (state == RoomState.ENDED) {
            throw DomainException.conflict("room_ended", "This room has ended; there is nothing to announce any more.");
        }
        if (state == RoomState.CANCELLED) {
            throw RoomService.cancelled();
        }
        return room;
    }

    private static Notification notice(Room room, String link) {
        return Notification.of("room.announced", "Invitation: " + room.title() + ", " + when(room), body(room, link),
                link, Channel.EMAIL).withCalendar(CalendarInvites.request(event(room, link)));
    }

    /** Everyone told of the room so far, as recipients of the notifications module. */
    List<Recipient> announcedTo(Room room) {
        return invitees.announcedTo(room.id()).stream().map(id -> Recipient.invitee(room.merchantId(), id)).toList();
    }

    /** The room was moved: everyone told of it gets the invitation again, same UID, the room's raised sequence. */
    void tellMoved(Room room, String link) {
        send(room, Notification.of("room.moved", "Moved: " + room.title() + ", now " + when(room),
                "The presentation has moved. " + body(room, link), link, Channel.EMAIL)
                .withCalendar(CalendarInvites.request(event(room, link))));
    }

    /** The room was cancelled: everyone told of it gets METHOD:CANCEL, same UID, the room's raised sequence. */
    void tellCancelled(Room room, String link) {
        send(room, Notification.of("room.cancelled", "Cancelled: " + room.title() + ", " + when(room),
                "\"" + room.title() + "\" on " + when(room) + " was cancelled; the link no longer opens a room.",
                link, Channel.EMAIL).withCalendar(CalendarInvites.cancel(event(room, link))));
    }

    /** The room opens now: everyone told of it is reminded, with the link. */
    void remind(Room room, String link) {
        send(room, Notification.of("room.reminder", "Starting soon: " + room.title() + ", " + when(room),
                "\"" + room.title() + "\" opens now and starts at " + WHEN_TIME.format(room.start().atZone(ZoneId.of(room.zone())))
                        + " (" + room.zone() + "). Join here: " + link, link, Channel.EMAIL));
    }

    /** To everyone told of the room: the pasted addresses by email, the expert's contacts as the expert's message. */
    private void send(Room room, Notification notice) {
        List<Recipient> recipients = announcedTo(room);
        if (!recipients.isEmpty()) {
            notifications.notify(notice, recipients);
        }
        for (var contact : invitees.contactsAnnounced(room.id())) {
            contacts.message(room.merchantId(), room.expertId(), contact, notice.title() + "\n\n" + notice.body());
        }
    }

    /**
     * The room's calendar invitation, the same in every email and download: its UID is the room's id, its sequence
     * raised by every move; a cancelled room's is its cancellation.
     */
    public String calendarFile(String token, String link) {
        Room room = rooms.byToken(token);
        var event = event(room, link);
        return (room.cancelledAt() == null ? CalendarInvites.request(event) : CalendarInvites.cancel(event)).content();
    }

    private static CalendarInvites.Event event(Room room, String link) {
        ZonedDateTime start = room.start().atZone(ZoneId.of(room.zone()));
        return new CalendarInvites.Event(room.id() + "@vitrine", room.sequence(), room.title(), body(room, link), link, start,
                start.plusHours(room.expiryHours()), null, List.of());
    }

    private static String when(Room room) {
        return WHEN.format(room.start().atZone(ZoneId.of(room.zone()))) + " (" + room.zone() + ")";
    }

    private static String body(Room room, String link) {
        String kind = room.video() ? "video presentation" : "text chat";
        return "You are invited to \"" + room.title() + "\", a live " + kind + ", on " + when(room) + ". "
                + "The room opens five minutes before the start and stays open for " + room.expiryHours()
                + (room.expiryHours() == 1 ? " hour" : " hours") + ": " + link;
    }

    /** The pasted list: addresses separated by commas, semicolons, spaces or lines, lower-cased and deduplicated. */
    static Set<String> addresses(String pasted) {
        Set<String> addresses = new LinkedHashSet<>();
        List<String> invalid = new ArrayList<>();
        for (String part : SEPARATORS.split(pasted == null ? "" : pasted.strip())) {
            if (part.isEmpty()) {
                continue;
            }
            String email = part.toLowerCase(Locale.ROOT);
            if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
                invalid.add(part);
            } else {
                addresses.add(email);
            }
        }
        if (!invalid.isEmpty()) {
            throw DomainException.invalidField("addresses", "These are not email addresses: "
                    + String.join(", ", invalid.stream().limit(10).map(a -> a.length() > 80 ? a.substring(0, 80) + "…" : a).toList())
                    + (invalid.size() > 10 ? " and " + (invalid.size() - 10) + " more" : "") + ".");
        }
        if (addresses.isEmpty()) {
            throw DomainException.invalidField("addresses", "Please paste at least one email address.");
        }
        if (addresses.size() > MAX_ADDRESSES) {
            throw DomainException.invalidField("addresses", "Please paste at most " + MAX_ADDRESSES
                    + " addresses at once (" + addresses.size() + " given).");
        }
        return addresses;
    }
}
