package io.vitrine.scheduling.internal;

import io.vitrine.dialog.AppointmentRoomsApi;
import io.vitrine.dialog.DialogStatus;
import io.vitrine.dialog.ScheduledDialogsApi;
import io.vitrine.merchant.Member;
import io.vitrine.merchant.MerchantApi;
import io.vitrine.merchant.TeamApi;
import io.vitrine.scheduling.AppointmentStatus;
import io.vitrine.shared.DomainException;
import io.vitrine.shared.SecretTokens;
import io.vitrine.shopper.ShopperApi;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appointment links (passes): the booker's, and each Guest's the Host added. From the start time on a pass opens the
 * room as its holder: the booker as the Host (signed in again on whichever device opens the link), a Guest in a
 * Guest's seat within the five-customer cap. Before that, the link says when the room opens.
 */
@Service
public class AppointmentLinks {

    static final int MAX_SCREEN_NAME = 40;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);

    /** Where an appointment's room stands: not open yet, open, over, or cancelled. */
    public enum RoomState { NOT_OPEN, OPEN, ENDED, CANCELLED }

    /** What a pass's holder sees before joining; nobody's contact details. */
    public record PassView(String role, RoomState room, Instant startsAt, Instant endsAt, String customerZone,
            String expertName) {}

    /** The holder's shopper token (the one they held before stops working) and the room they join. */
    public record Joined(String token, UUID dialogId, String role) {}

    private final AppointmentPasses passes;
    private final Appointments appointments;
    private final AppointmentReminders reminders;
    private final ScheduledDialogsApi dialogs;
    private final AppointmentRoomsApi rooms;
    private final ShopperApi shoppers;
    private final MerchantApi merchants;
    private final TeamApi team;

    AppointmentLinks(AppointmentPasses passes, Appointments appointments, AppointmentReminders reminders,
            ScheduledDialogsApi dialogs,
            AppointmentRoomsApi rooms, ShopperApi shoppers, MerchantApi merchants, TeamApi team) {
        this.passes = passes;
        this.appointments = appointments;
        this.reminders = reminders;
        this.dialogs = dialogs;
        this.rooms = rooms;
        this.shoppers = shoppers;
        this.merchants = merchants;
        this.team = team;
    }

    @Transactional(readOnly = true)
    public PassView look(String merchantSlug, String token) {
        var pass = pass(merchantSlug, token);
        Appointment a = appointments.find(pass.appointmentId()).orElseThrow();
        String expert = team.findMember(a.expertId()).map(Member::displayName).orElse(null);
        return new PassView(pass.role().name(), room(a), a.startsAt(), a.endsAt(), a.customerZone().getId(), expert);
    }

    /** The holder enters the room; a Guest gives the screen name the others see (the Host keeps theirs). */
    @Transactional
    public Joined join(String merchantSlug, String token, String screenName) {
        var pass = pass(merchantSlug, token);
        Appointment a = appointments.find(pass.appointmentId()).orElseThrow();
        switch (room(a)) {
            case CANCELLED -> throw DomainException.conflict("cancelled", "This appointment was cancelled.");
            case ENDED -> throw DomainException.conflict("ended", "This appointment has ended.");
            case NOT_OPEN -> throw DomainException.conflict("not_open", "The room opens at "
                    + WHEN.format(a.startsAt().atZone(a.customerZone())) + " (" + a.customerZone().getId() + ").");
            case OPEN -> { }
        }
        if (pass.role() == AppointmentPasses.Role.HOST) {
            return new Joined(shoppers.renewToken(pass.shopperId()).token(), a.dialogId(), pass.role().name());
        }
        String name = screenName(screenName);
        ShopperApi.NewShopper guest = pass.shopperId() == null ? shoppers.createGuest(a.merchantId(), name)
                : shoppers.renewToken(pass.shopperId());
        if (pass.shopperId() == null) {
            passes.heldBy(pass.id(), guest.shopper().id());
        }
        rooms.seatGuest(a.dialogId(), guest.shopper().id(), name);
        return new Joined(guest.token(), a.dialogId(), pass.role().name());
    }

    /** The booker's pass, made with the booking. */
    AppointmentPasses.Pass hostPass(Appointment a, Instant now) {
        var pass = new AppointmentPasses.Pass(UUID.randomUUID(), a.id(), AppointmentPasses.Role.HOST,
                SecretTokens.newToken(), null, a.hostShopperId(), now);
        passes.insert(pass);
        return pass;
    }

    private RoomState room(Appointment a) {
        if (a.status() == AppointmentStatus.CANCELLED) {
            return RoomState.CANCELLED;
        }
        // The room opens when the reminder job opens it at the start time (ADR 0011), not a moment earlier.
        if (a.status() != AppointmentStatus.CONFIRMED || a.dialogId() == null || !reminders.roomOpened(a.id())) {
            return RoomState.NOT_OPEN;
        }
        DialogStatus status = dialogs.people(a.dialogId()).status();
        return status == DialogStatus.ENDED || status == DialogStatus.MESSAGE ? RoomState.ENDED : RoomState.OPEN;
    }

    /** The pass behind a link of the merchant; another merchant's, or none, is not found. */
    AppointmentPasses.Pass pass(String merchantSlug, String token) {
        if (token == null || token.isBlank() || token.length() > 64) {
            throw DomainException.notFound("Appointment link");
        }
        UUID merchantId = merchants.requireBySlug(merchantSlug).id();
        return passes.byToken(token)
                .filter(p -> appointments.find(p.appointmentId()).filter(a -> a.merchantId().equals(merchantId)).isPresent())
                .orElseThrow(() -> DomainException.notFound("Appointment link"));
    }

    private static String screenName(String value) {
        String name = value == null ? "" : value.strip();
        if (name.isEmpty() || name.length() > MAX_SCREEN_NAME) {
            throw DomainException.invalidField("screenName", "Please enter a screen name of 1 to " + MAX_SCREEN_NAME
                    + " characters.");
        }
        return name;
    }
}
