package io.vitrine.scheduling.internal;

import io.vitrine.shared.Actor;
import io.vitrine.shared.DialogRole;
import io.vitrine.dialog.DialogView;
import io.vitrine.dialog.Permission;
import io.vitrine.dialog.PermissionMatrix;
import io.vitrine.dialog.ScheduledDialogsApi;
import io.vitrine.merchant.MerchantApi;
import io.vitrine.notifications.Recipient;
import io.vitrine.notifications.RecipientDirectory;
import io.vitrine.scheduling.AppointmentStatus;
import io.vitrine.shared.DomainException;
import io.vitrine.shared.SecretTokens;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Host adds Guests to an upcoming appointment: each gets a link of their own (by email with the invitation, or
 * for the Host to pass on) that seats them as a Guest when the room opens. Host and Guests together stay within the
 * five customers of a stream. Guests added by email are addressed through this directory, so their address stays
 * with the appointment.
 */
@Service
public class AppointmentGuests implements RecipientDirectory {

    /** A Guest the Host added; {@code email} is null for a link the Host passes on. */
    public record Guest(UUID id, String email, String link, boolean joined) {}

    /** The appointment's Guests, and how many customers it holds of how many. */
    public record Guests(int customers, int maxCustomers, List<Guest> guests) {}

    private final Appointments appointments;
    private final AppointmentPasses passes;
    private final AppointmentAccess access;
    private final AppointmentLinks links;
    private final AppointmentNotices notices;
    private final ScheduledDialogsApi dialogs;
    private final MerchantApi merchants;
    private final Clock clock;

    AppointmentGuests(Appointments appointments, AppointmentPasses passes, AppointmentAccess access, AppointmentLinks links,
            AppointmentNotices notices, ScheduledDialogsApi dialogs, MerchantApi merchants, Clock clock) {
        this.appointments = appointments;
        this.passes = passes;
        this.access = access;
        this.links = links;
        this.notices = notices;
        this.dialogs = dialogs;
        this.merchants = merchants;
        this.clock = clock;
    }

    /** The Host, signed in to the widget, adds a Guest. */
    @Transactional
    public Guest add(UUID appointmentId, Actor actor, String email) {
        Appointment found = appointments.find(appointmentId).orElseThrow(() -> DomainException.notFound("Appointment"));
        access.require(found, actor, Permission.INVITE_TO_APPOINTMENT);
        return add(found.id(), email);
    }

    /** The booker adds a Guest from their appointment link; a Guest's link may not. */
    @Transactional
    public Guest addWithLink(String merchantSlug, String token, String email) {
        AppointmentPasses.Pass pass = links.pass(merchantSlug, token);
        requireHost(pass);
        return add(pass.appointmentId(), email);
    }

    @Transactional(readOnly = true)
    public Guests list(UUID appointmentId, Actor actor) {
        Appointment a = appointments.find(appointmentId).orElseThrow(() -> DomainException.notFound("Appointment"));
        access.require(a, actor, Permission.INVITE_TO_APPOINTMENT);
        return guests(a);
    }

    @Transactional(readOnly = true)
    public Guests listWithLink(String merchantSlug, String token) {
        AppointmentPasses.Pass pass = links.pass(merchantSlug, token);
        requireHost(pass);
        return guests(appointments.find(pass.appointmentId()).orElseThrow());
    }

    @Override
    public Optional<Entry> find(Recipient recipient) {
        if (recipient.kind() != Recipient.Kind.BUYER) {
            return Optional.empty();
        }
        return passes.find(recipient.id()).filter(p -> p.email() != null)
                .filter(p -> appointments.find(p.appointmentId()).filter(a -> a.merchantId().equals(recipient.merchantId())).isPresent())
                .map(p -> new Entry(p.email(), p.email()));
    }

    /** Who a Guest's emails go to: known only here (see {@link #find}). */
    static Recipient recipient(Appointment a, AppointmentPasses.Pass pass) {
        return Recipient.buyer(a.merchantId(), pass.id());
    }

    private Guest add(UUID appointmentId, String email) {
        Appointment a = appointments.lock(appointmentId).orElseThrow();
        Instant now = Instant.now(clock);
        if (a.status() == AppointmentStatus.CANCELLED) {
            throw DomainException.conflict("cancelled", "This appointment was cancelled.");
        }
        if (a.status() != AppointmentStatus.CONFIRMED) {
            throw DomainException.conflict("not_confirmed", "Guests can be added once the appointment is confirmed.");
        }
        if (!a.startsAt().isAfter(now)) {
            throw DomainException.conflict("past", "This appointment has started; invite friends from the dialog instead.");
        }
        if (!merchants.get(a.merchantId()).settings().coopShopping()) {
            throw DomainException.conflict("coop_disabled", "This shop has switched co-op shopping off.");
        }
        String address = email == null || email.isBlank() ? null : email.strip();
        List<AppointmentPasses.Pass> all = passes.ofAppointment(a.id());
        if (address != null && all.stream().anyMatch(p -> address.equalsIgnoreCase(p.email()))) {
            throw DomainException.conflict("already_invited", address + " is invited to this appointment already.");
        }
        if (customers(a, all) >= DialogView.MAX_CUSTOMERS) {
            throw DomainException.conflict("too_many_guests", "An appointment takes at most " + DialogView.MAX_CUSTOMERS
                    + " customers, you and " + (DialogView.MAX_CUSTOMERS - 1) + " Guests, and this one is full.");
        }
        var pass = new AppointmentPasses.Pass(UUID.randomUUID(), a.id(), AppointmentPasses.Role.GUEST,
                SecretTokens.newToken(), address, null, now);
        passes.insert(pass);
        if (address != null) {
            notices.invited(a, pass);
        }
        return guest(a, pass);
    }

    /** The Host, the dialog's customers so far, and the Guests added here who have not joined yet. */
    private int customers(Appointment a, List<AppointmentPasses.Pass> all) {
        Set<UUID> people = new HashSet<>();
        people.add(a.hostShopperId());
        if (a.dialogId() != null) {
            people.addAll(dialogs.people(a.dialogId()).customerShopperIds());
        }
        long waiting = all.stream().filter(p -> p.role() == AppointmentPasses.Role.GUEST)
                .filter(p -> p.shopperId() == null || !people.contains(p.shopperId())).count();
        return people.size() + (int) waiting;
    }

    private Guests guests(Appointment a) {
        List<AppointmentPasses.Pass> all = passes.ofAppointment(a.id());
        List<Guest> guests = all.stream().filter(p -> p.role() == AppointmentPasses.Role.GUEST).map(p -> guest(a, p)).toList();
        return new Guests(customers(a, all), DialogView.MAX_CUSTOMERS, guests);
    }

    private Guest guest(Appointment a, AppointmentPasses.Pass pass) {
        return new Guest(pass.id(), pass.email(), pass.link(merchants.get(a.merchantId()).slug()), pass.shopperId() != null);
    }

    private static void requireHost(AppointmentPasses.Pass pass) {
        DialogRole role = pass.role() == AppointmentPasses.Role.HOST ? DialogRole.HOST : DialogRole.GUEST;
        if (!PermissionMatrix.allows(role, Permission.INVITE_TO_APPOINTMENT)) {
            throw DomainException.forbidden(Permission.INVITE_TO_APPOINTMENT.refusal());
        }
    }
}
