package io.vitrine.scheduling.internal;

import io.vitrine.dialog.DialogParty;
import io.vitrine.dialog.ScheduledDialogsApi;
import io.vitrine.merchant.MerchantApi;
import io.vitrine.merchant.TeamApi;
import io.vitrine.notifications.CalendarAttachment;
import io.vitrine.notifications.CalendarInvites;
import io.vitrine.notifications.Channel;
import io.vitrine.notifications.Notification;
import io.vitrine.notifications.NotificationsApi;
import io.vitrine.notifications.Recipient;
import io.vitrine.scheduling.AppointmentStatus;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Tells an appointment's people what happened to it, each in their own time zone: the expert in the expert's,
 * customers in the customer's. Invitations carry the appointment's id as UID and its sequence, so calendars replace
 * the earlier version; attendee lists stay empty so nobody learns another's address.
 */
@Component
class AppointmentNotices {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);

    /** What happened, and how it is told. */
    enum What {
        PROPOSED("appointment.proposed", "Appointment proposed", false, Channel.PUSH),
        CONFIRMED("appointment.confirmed", "Appointment confirmed", true, Channel.EMAIL, Channel.PUSH),
        RESCHEDULED("appointment.rescheduled", "Appointment moved", true, Channel.EMAIL, Channel.PUSH),
        CANCELLED("appointment.cancelled", "Appointment cancelled", true, Channel.EMAIL, Channel.PUSH),
        DAY_BEFORE("appointment.reminder", "Reminder: appointment tomorrow", false, Channel.EMAIL, Channel.PUSH),
        SOON("appointment.soon", "Your appointment starts in 10 minutes", false, Channel.EMAIL, Channel.PUSH),
        ROOM_OPEN("appointment.open", "Your appointment room is open", false, Channel.PUSH),
        INVITED("appointment.invited", "You are invited to an appointment", true, Channel.EMAIL);

        final String kind;
        final String title;
        final boolean invitation;
        final Channel[] channels;

        What(String kind, String title, boolean invitation, Channel... channels) {
            this.kind = kind;
            this.title = title;
            this.invitation = invitation;
            this.channels = channels;
        }
    }

    private final NotificationsApi notifications;
    private final ScheduledDialogsApi dialogs;
    private final MerchantApi merchants;
    private final TeamApi team;
    private final AppointmentPasses passes;

    AppointmentNotices(NotificationsApi notifications, ScheduledDialogsApi dialogs, MerchantApi merchants, TeamApi team,
            AppointmentPasses passes) {
        this.passes = passes;
        this.notifications = notifications;
        this.dialogs = dialogs;
        this.merchants = merchants;
        this.team = team;
    }

    /** Queues the notices in the caller's transaction. */
    void tell(Appointment a, What what) {
        String expertName = team.findMember(a.expertId()).map(m -> m.displayName()).orElse("your expert");
        notifications.notify(notice(a, what, a.expertZone(), "/console", "with the customer"),
                List.of(Recipient.staff(a.merchantId(), a.expertId())));
        String slug = merchants.get(a.merchantId()).slug();
        String link = "/widget/" + slug + (a.dialogId() == null ? "" : "?dialog=" + a.dialogId());
        if (a.hostShopperId() != null) {
            // A booker has a link of their own that opens the room as its Host on any device.
            String hostLink = passes.host(a.id()).map(pass -> pass.link(slug)).orElse(link);
            notifications.notify(notice(a, what, a.customerZone(), hostLink, "with " + expertName),
                    List.of(Recipient.shopper(a.merchantId(), a.hostShopperId())));
        }
        // Guests are told in-app and by email if they gave one; pushes are the Host's ("Notify me" is the Host's).
        List<Recipient> guests = customers(a).stream().filter(id -> !id.equals(a.hostShopperId()))
                .map(id -> Recipient.shopper(a.merchantId(), id)).toList();
        if (!guests.isEmpty()) {
            Notification notice = notice(a, what, a.customerZone(), link, "with " + expertName);
            Set<Channel> channels = EnumSet.noneOf(Channel.class);
            channels.addAll(notice.channels());
            channels.remove(Channel.PUSH);
            notifications.notify(new Notification(notice.kind(), notice.title(), notice.body(), notice.link(), channels,
                    notice.calendar()), guests);
        }
        // Guests the Host added by email: by email only, each with their own link (see AppointmentGuests).
        for (AppointmentPasses.Pass pass : passes.ofAppointment(a.id())) {
            if (pass.role() == AppointmentPasses.Role.GUEST && pass.email() != null && what != What.PROPOSED) {
                guestByEmail(a, what, pass, slug, expertName);
            }
        }
    }

    /** A Guest the Host added by email is invited: the invitation, and their link into the room. */
    void invited(Appointment a, AppointmentPasses.Pass pass) {
        String expertName = team.findMember(a.expertId()).map(m -> m.displayName()).orElse("your expert");
        guestByEmail(a, What.INVITED, pass, merchants.get(a.merchantId()).slug(), expertName);
    }

    private void guestByEmail(Appointment a, What what, AppointmentPasses.Pass pass, String slug, String expertName) {
        Notification notice = notice(a, what, a.customerZone(), pass.link(slug), "with " + expertName);
        notifications.notify(new Notification(notice.kind(), notice.title(), notice.body(), notice.link(),
                Set.of(Channel.EMAIL), notice.calendar()), List.of(AppointmentGuests.recipient(a, pass)));
    }

    private Notification notice(Appointment a, What what, ZoneId zone, String link, String with) {
        String when = WHEN.format(a.startsAt().atZone(zone)) + " (" + zone.getId() + ")";
        String body = "Video consultation " + with + ", " + when + "."
                + (what == What.PROPOSED ? " Please confirm it or pick another time." : "");
        Notification notification = Notification.of(what.kind, what.title + ": " + when, body, link, what.channels);
        return what.invitation ? notification.withCalendar(invitation(a, zone)) : notification;
    }

    /** REQUEST for a live appointment, CANCEL for a cancelled one, in the recipient's zone. */
    static CalendarAttachment invitation(Appointment a, ZoneId zone) {
        var event = new CalendarInvites.Event(uid(a), a.sequence(), "Video consultation", null, "Online",
                a.startsAt().atZone(zone), a.endsAt().atZone(zone), null, List.of());
        return a.status() == AppointmentStatus.CANCELLED ? CalendarInvites.cancel(event) : CalendarInvites.request(event);
    }

    static String uid(Appointment a) {
        return a.id() + "@vitrine";
    }

    private Set<UUID> customers(Appointment a) {
        Set<UUID> ids = new LinkedHashSet<>();
        if (a.dialogId() != null) {
            DialogParty party = dialogs.people(a.dialogId());
            ids.addAll(party.customerShopperIds());
        }
        return ids;
    }
}
