package io.vitrine.scheduling.internal;

import io.vitrine.shared.Actor;
import io.vitrine.dialog.DialogParty;
import io.vitrine.dialog.Permission;
import io.vitrine.dialog.ScheduledDialogsApi;
import io.vitrine.merchant.Member;
import io.vitrine.merchant.TeamApi;
import io.vitrine.notifications.PushSubscriptionsApi;
import io.vitrine.notifications.Recipient;
import io.vitrine.scheduling.AppointmentChanged;
import io.vitrine.scheduling.AppointmentStatus;
import io.vitrine.scheduling.AppointmentView;
import io.vitrine.shared.DomainException;
import io.vitrine.shopper.ShopperApi;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Proposes, confirms, moves and cancels appointments of a dialog. Every change of an expert's times happens under
 * the expert's calendar lock, where {@link SlotPolicy} decides collisions: of two requests for one slot, exactly one
 * is saved, and the other is refused with a message that names the taken time.
 */
@Service
public class AppointmentService {

    static final Duration LONGEST = Duration.ofHours(4);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", Locale.ENGLISH);

    private final Appointments appointments;
    private final ExpertCalendars calendars;
    private final SchedulingSettings settings;
    private final AppointmentReminders reminders;
    private final AppointmentAccess access;
    private final AppointmentNotices notices;
    private final AppointmentViews views;
    private final ScheduledDialogsApi dialogs;
    private final TeamApi team;
    private final PushSubscriptionsApi push;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AppointmentService(Appointments appointments, ExpertCalendars calendars, SchedulingSettings settings,
            AppointmentReminders reminders, AppointmentAccess access, AppointmentNotices notices, AppointmentViews views,
            ScheduledDialogsApi dialogs, TeamApi team, PushSubscriptionsApi push, ApplicationEventPublisher events,
            Clock clock) {
        this.appointments = appointments;
        this.calendars = calendars;
        this.settings = settings;
        this.reminders = reminders;
        this.access = access;
        this.notices = notices;
        this.views = views;
        this.dialogs = dialogs;
        this.team = team;
        this.push = push;
        this.events = events;
        this.clock = clock;
    }

    /** A wall-clock time in the zone of whoever picked it; {@code minutes} null for the merchant's slot length. */
    public record Slot(LocalDate date, LocalTime time, ZoneId zone, Integer minutes) {}

    /** What the picker needs: both zones, and the dialog's appointments. */
    public record DialogAppointments(String expertZone, String customerZone, int slotMinutes, boolean enabled,
            List<AppointmentView> appointments) {}

    @Transactional(readOnly = true)
    public DialogAppointments ofDialog(UUID dialogId, Actor actor) {
        DialogParty party = dialogs.party(dialogId, actor);
        require(party, Permission.VIEW);
        var setting = settings.of(party.merchantId());
        ZoneId customer = settings.customerZone(dialogId).orElse(null);
        ZoneId expert = party.expertId() == null ? null : calendars.zone(party.expertId()).orElse(null);
        return new DialogAppointments(expert == null ? null : expert.getId(), customer == null ? null : customer.getId(),
                setting.slotMinutes(), setting.enabled(), views.of(appointments.ofDialog(dialogId)));
    }

    /** The widget reports the browser's zone; only a customer of the dialog's own can set it. */
    @Transactional
    public void reportCustomerZone(UUID dialogId, Actor.Shopper shopper, ZoneId zone) {
        DialogParty party = dialogs.party(dialogId, shopper);
        if (party.hostShopperId().equals(shopper.shopperId())) {
            settings.setCustomerZone(dialogId, zone);
        }
    }

    /**
     * "Notify me" in the widget: the Host's browser subscribes to pushes about the dialog's appointments. Guests are
     * refused (SUBSCRIBE_NOTIFICATIONS); they see the appointment in the widget and their in-app notices.
     */
    @Transactional
    public UUID notifyMe(UUID dialogId, Actor.Shopper shopper, String endpoint, String p256dh, String auth) {
        DialogParty party = dialogs.party(dialogId, shopper);
        require(party, Permission.SUBSCRIBE_NOTIFICATIONS);
        return push.subscribe(Recipient.shopper(shopper.merchantId(), shopper.shopperId()), endpoint, p256dh, auth);
    }

    @Transactional
    public AppointmentView propose(UUID dialogId, Actor actor, Slot slot) {
        DialogParty party = dialogs.party(dialogId, actor);
        require(party, Permission.SCHEDULE_APPOINTMENT);
        var setting = settings.of(party.merchantId());
        if (!setting.enabled()) {
            throw DomainException.conflict("scheduling_off", "This shop does not offer scheduled streams.");
        }
        if (party.expertId() == null) {
            throw DomainException.conflict("no_expert", "An expert has to take this dialog before a time can be set.");
        }
        Instant now = Instant.now(clock);
        Instant start = startOf(slot, now);
        Instant end = start.plus(length(slot, setting.slotMinutes()));
        ZoneId expertZone = calendars.lock(party.merchantId(), party.expertId(), slot.zone());
        requireFree(party.expertId(), null, start, end, slot.zone());
        boolean byStaff = actor instanceof Actor.Staff;
        if (!byStaff) {
            settings.setCustomerZone(dialogId, slot.zone());
        }
        ZoneId customerZone = byStaff ? settings.customerZone(dialogId).orElse(expertZone) : slot.zone();
        var a = new Appointment(UUID.randomUUID(), party.merchantId(), party.expertId(), dialogId, party.hostShopperId(),
                AppointmentStatus.PROPOSED, start, end, expertZone, customerZone, 0, party.caller().role().name(), now, now);
        appointments.insert(a);
        notices.tell(a, AppointmentNotices.What.PROPOSED);
        return changed(a);
    }

    @Transactional
    public AppointmentView confirm(UUID id, Actor actor) {
        Appointment a = lockedForChange(id, actor);
        Instant now = Instant.now(clock);
        if (!a.startsAt().isAfter(now)) {
            throw DomainException.conflict("past", "This time has passed; pick a new one.");
        }
        Appointment confirmed = a.confirmed(now);
        appointments.update(confirmed);
        reminders.plan(confirmed, now);
        notices.tell(confirmed, AppointmentNotices.What.CONFIRMED);
        return changed(confirmed);
    }

    @Transactional
    public AppointmentView reschedule(UUID id, Actor actor, Slot slot) {
        Appointment a = lockedForChange(id, actor);
        Instant now = Instant.now(clock);
        Instant start = startOf(slot, now);
        Instant end = start.plus(length(slot, (int) Duration.between(a.startsAt(), a.endsAt()).toMinutes()));
        requireFree(a.expertId(), a.id(), start, end, slot.zone());
        Appointment moved = a.movedTo(start, end, now);
        appointments.update(moved);
        if (moved.status() == AppointmentStatus.CONFIRMED) {
            reminders.plan(moved, now);
            notices.tell(moved, AppointmentNotices.What.RESCHEDULED);
        } else {
            notices.tell(moved, AppointmentNotices.What.PROPOSED);
        }
        return changed(moved);
    }

    @Transactional
    public AppointmentView cancel(UUID id, Actor actor) {
        Appointment a = lockedForChange(id, actor);
        Appointment cancelled = a.cancelled(Instant.now(clock));
        appointments.update(cancelled);
        reminders.cancel(a.id());
        notices.tell(cancelled, AppointmentNotices.What.CANCELLED);
        return changed(cancelled);
    }

    @Transactional(readOnly = true)
    public AppointmentView get(UUID id, Actor actor) {
        Appointment a = appointments.find(id).orElseThrow(() -> DomainException.notFound("Appointment"));
        access.require(a, actor, Permission.VIEW);
        return views.of(a);
    }

    /** The invitation as a file, in the caller's zone: the expert's for staff, the customer's for shoppers. */
    @Transactional(readOnly = true)
    public String calendarFile(UUID id, Actor actor) {
        Appointment a = appointments.find(id).orElseThrow(() -> DomainException.notFound("Appointment"));
        access.require(a, actor, Permission.VIEW);
        return AppointmentNotices.invitation(a, actor instanceof Actor.Staff ? a.expertZone() : a.customerZone()).content();
    }

    @Transactional(readOnly = true)
    public List<AppointmentView> mine(Actor actor) {
        Instant since = Instant.now(clock).minus(Duration.ofDays(1));
        return views.of(switch (actor) {
            case Actor.Shopper s -> appointments.ofHost(s.merchantId(), s.shopperId(), since);
            case Actor.Staff s -> appointments.ofExpert(s.merchantId(), s.memberId(), since);
        });
    }

    @Transactional(readOnly = true)
    public List<AppointmentView> ofMerchant(Actor.Staff admin) {
        if (!admin.admin()) {
            throw DomainException.forbidden("Only the merchant's admins see all appointments.");
        }
        return views.of(appointments.ofMerchant(admin.merchantId(), Instant.now(clock).minus(Duration.ofDays(1)), 500));
    }

    private Appointment lockedForChange(UUID id, Actor actor) {
        Appointment found = appointments.find(id).orElseThrow(() -> DomainException.notFound("Appointment"));
        access.require(found, actor, Permission.SCHEDULE_APPOINTMENT);
        calendars.lock(found.merchantId(), found.expertId(), found.expertZone());
        // Read again under the lock: a change that got there first counts.
        return appointments.find(id).orElseThrow();
    }

    /** Refuses the interval if it overlaps another appointment of the expert (other than {@code self}). */
    void requireFree(UUID expertId, UUID self, Instant start, Instant end, ZoneId shownIn) {
        List<SlotPolicy.Busy> taken = appointments.takenBetween(expertId, start, end).stream()
                .filter(other -> !other.id().equals(self)).map(Appointment::busy).toList();
        SlotPolicy.collision(start, end, taken).ifPresent(busy -> {
            String expert = team.findMember(expertId).map(Member::displayName).orElse("The expert");
            throw DomainException.conflict("slot_taken", expert + " already has an appointment from "
                    + TIME.format(busy.start().atZone(shownIn)) + " to "
                    + DateTimeFormatter.ofPattern("HH:mm").format(busy.end().atZone(shownIn)) + " (" + shownIn.getId()
                    + "). Please pick another time.");
        });
    }

    static Instant startOf(Slot slot, Instant now) {
        Instant start = SlotPolicy.resolve(slot.date(), slot.time(), slot.zone()).orElseThrow(() ->
                DomainException.invalidField("time", slot.time() + " does not exist on " + slot.date() + " in "
                        + slot.zone().getId() + ": the clocks go forward then. Please pick another time."));
        if (!start.isAfter(now)) {
            throw DomainException.invalidField("time", "This time has passed. Please pick a time in the future.");
        }
        return start;
    }

    private static Duration length(Slot slot, int defaultMinutes) {
        Duration length = Duration.ofMinutes(slot.minutes() == null ? defaultMinutes : slot.minutes());
        if (length.compareTo(Duration.ofMinutes(5)) < 0 || length.compareTo(LONGEST) > 0) {
            throw DomainException.invalidField("minutes", "An appointment lasts from 5 minutes to 4 hours.");
        }
        return length;
    }

    private void require(DialogParty party, Permission permission) {
        if (!party.caller().permissions().contains(permission)) {
            throw DomainException.forbidden(permission.refusal());
        }
    }

    private AppointmentView changed(Appointment a) {
        events.publishEvent(new AppointmentChanged(a.merchantId(), a.id(), a.dialogId(), a.expertId()));
        return views.of(a);
    }
}
