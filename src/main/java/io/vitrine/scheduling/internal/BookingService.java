package io.vitrine.scheduling.internal;

import io.vitrine.merchant.Member;
import io.vitrine.merchant.Merchant;
import io.vitrine.merchant.MerchantApi;
import io.vitrine.merchant.Role;
import io.vitrine.merchant.TeamApi;
import io.vitrine.scheduling.AppointmentChanged;
import io.vitrine.scheduling.AppointmentStatus;
import io.vitrine.scheduling.AppointmentView;
import io.vitrine.scheduling.SchedulingApi;
import io.vitrine.shared.DomainException;
import io.vitrine.shopper.ShopperApi;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public booking page: experts' free slots within their working hours, and booking one with a name and an
 * email address. A booking is decided under the expert's calendar lock, so one slot is never booked twice.
 */
@Service
public class BookingService implements SchedulingApi {

    /** How far ahead the page offers slots. */
    static final int DAYS_AHEAD = 14;

    private final MerchantApi merchants;
    private final TeamApi team;
    private final ShopperApi shoppers;
    private final Appointments appointments;
    private final ExpertCalendars calendars;
    private final SchedulingSettings settings;
    private final AppointmentReminders reminders;
    private final AppointmentNotices notices;
    private final AppointmentViews views;
    private final AppointmentLinks links;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    BookingService(MerchantApi merchants, TeamApi team, ShopperApi shoppers, Appointments appointments,
            ExpertCalendars calendars, SchedulingSettings settings, AppointmentReminders reminders, AppointmentNotices notices,
            AppointmentViews views, AppointmentLinks links, ApplicationEventPublisher events, Clock clock) {
        this.links = links;
        this.merchants = merchants;
        this.team = team;
        this.shoppers = shoppers;
        this.appointments = appointments;
        this.calendars = calendars;
        this.settings = settings;
        this.reminders = reminders;
        this.notices = notices;
        this.views = views;
        this.events = events;
        this.clock = clock;
    }

    public record ExpertSlots(String expert, String name, String store, String zone, int minutes, List<Instant> slots) {}

    public record Booking(String name, String email, String expert, Instant start, ZoneId zone) {}

    /** The appointment, and the token of the shopper identity made for the booker (shown once). */
    public record Booked(AppointmentView appointment, String token) {}

    /** The merchant's name, for the booking page; a merchant without bookings has none (404). */
    @Transactional(readOnly = true)
    public String bookableName(String merchantSlug) {
        return bookable(merchantSlug).name();
    }

    /** Free slots of the merchant's bookable experts, optionally only one expert's or one store's. */
    @Transactional(readOnly = true)
    public List<ExpertSlots> slots(String merchantSlug, String expertHandle, String store) {
        Merchant merchant = bookable(merchantSlug);
        int minutes = settings.of(merchant.id()).slotMinutes();
        Instant now = Instant.now(clock);
        return team.members(merchant.id()).stream()
                .filter(m -> m.role() == Role.EXPERT && m.handle() != null)
                .filter(m -> expertHandle == null || expertHandle.equals(m.handle()))
                .filter(m -> store == null || store.equalsIgnoreCase(m.store()))
                .map(m -> slotsOf(m, minutes, now))
                .filter(s -> s != null)
                .toList();
    }

    @Transactional
    public Booked book(String merchantSlug, Booking booking) {
        Merchant merchant = bookable(merchantSlug);
        Member expert = team.findByHandle(merchant.id(), booking.expert()).filter(m -> m.role() == Role.EXPERT)
                .orElseThrow(() -> DomainException.invalidField("expert", "There is no expert '" + booking.expert() + "' to book."));
        Duration length = Duration.ofMinutes(settings.of(merchant.id()).slotMinutes());
        Instant now = Instant.now(clock);
        ZoneId zone = calendars.lock(merchant.id(), expert.id(), ZoneId.of("UTC"));
        Instant start = booking.start();
        Instant end = start.plus(length);
        if (!start.isAfter(now)) {
            throw DomainException.invalidField("start", "This time has passed. Please pick another one.");
        }
        List<SlotPolicy.Busy> taken = busy(expert.id(), start, end);
        if (SlotPolicy.collision(start, end, taken).isPresent()) {
            throw DomainException.conflict("slot_taken", "Sorry, this time has just been booked. Please pick another one.");
        }
        LocalDate day = start.atZone(zone).toLocalDate();
        if (!SlotPolicy.freeSlots(day, day, zone, calendars.hours(expert.id()), length, taken, now).contains(start)) {
            throw DomainException.invalidField("start", "This time is not one of " + expert.displayName() + "'s free slots.");
        }
        var booker = shoppers.createBooker(merchant.id(), booking.name(), booking.email());
        var a = new Appointment(UUID.randomUUID(), merchant.id(), expert.id(), null, booker.shopper().id(),
                AppointmentStatus.CONFIRMED, start, end, zone, booking.zone(), 0, "BOOKING", now, now);
        appointments.insert(a);
        links.hostPass(a, now);
        reminders.plan(a, now);
        notices.tell(a, AppointmentNotices.What.CONFIRMED);
        events.publishEvent(new AppointmentChanged(a.merchantId(), a.id(), null, a.expertId()));
        return new Booked(views.of(a), booker.token());
    }

    @Override
    @Transactional
    public AppointmentView book(UUID merchantId, String expertHandle, Instant start, ZoneId customerZone, String name,
            String email) {
        return book(merchants.get(merchantId).slug(), new Booking(name, email, expertHandle, start, customerZone))
                .appointment();
    }

    private ExpertSlots slotsOf(Member expert, int minutes, Instant now) {
        var hours = calendars.hours(expert.id());
        ZoneId zone = calendars.zone(expert.id()).orElse(null);
        if (hours.isEmpty() || zone == null) {
            return null;
        }
        LocalDate today = now.atZone(zone).toLocalDate();
        LocalDate last = today.plusDays(DAYS_AHEAD);
        Instant until = last.plusDays(1).atStartOfDay(zone).toInstant();
        List<Instant> free = SlotPolicy.freeSlots(today, last, zone, hours, Duration.ofMinutes(minutes),
                busy(expert.id(), now, until), now);
        return new ExpertSlots(expert.handle(), expert.displayName(), expert.store(), zone.getId(), minutes, free);
    }

    private List<SlotPolicy.Busy> busy(UUID expertId, Instant from, Instant to) {
        return appointments.takenBetween(expertId, from, to).stream().map(Appointment::busy).toList();
    }

    private Merchant bookable(String slug) {
        Merchant merchant = merchants.requireBySlug(slug);
        if (!settings.of(merchant.id()).enabled()) {
            throw DomainException.notFound("Booking page of '" + slug + "'");
        }
        return merchant;
    }
}
