package io.vitrine.inquiries.internal;

import io.vitrine.inquiries.InquiryKind;
import io.vitrine.inquiries.InquiryStatus;
import io.vitrine.merchant.Merchant;
import io.vitrine.merchant.MerchantApi;
import io.vitrine.merchant.StaffPrincipal;
import io.vitrine.merchant.TeamApi;
import io.vitrine.notifications.Channel;
import io.vitrine.notifications.Notification;
import io.vitrine.notifications.NotificationsApi;
import io.vitrine.notifications.Recipient;
import io.vitrine.scheduling.AppointmentView;
import io.vitrine.scheduling.SchedulingApi;
import io.vitrine.shared.DomainException;
import io.vitrine.shopper.ShopperApi;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Requests from the public request page: stored, mailed to the brand's account, and decided by an admin. Confirming
 * books the time through scheduling (the requester gets the invitation from there); declining mails the requester.
 */
@Service
public class InquiryService {

    private static final Logger LOG = LoggerFactory.getLogger(InquiryService.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);
    /** How far ahead a time may be requested. */
    static final Duration HORIZON = Duration.ofDays(366);
    static final String ADMIN_LINK = "/admin/requests";

    private final MerchantApi merchants;
    private final TeamApi team;
    private final ShopperApi shoppers;
    private final SchedulingApi scheduling;
    private final NotificationsApi notifications;
    private final InquirySettings settings;
    private final InquiryStore store;
    private final RequestRateLimit rateLimit;
    private final Clock clock;

    InquiryService(MerchantApi merchants, TeamApi team, ShopperApi shoppers, SchedulingApi scheduling,
            NotificationsApi notifications, InquirySettings settings, InquiryStore store, RequestRateLimit rateLimit,
            Clock clock) {
        this.merchants = merchants;
        this.team = team;
        this.shoppers = shoppers;
        this.scheduling = scheduling;
        this.notifications = notifications;
        this.settings = settings;
        this.store = store;
        this.rateLimit = rateLimit;
        this.clock = clock;
    }

    /** Refused: the address sent too many; {@code retryAfter} until the oldest leaves the window. */
    public static final class RateLimited extends RuntimeException {

        private final Duration retryAfter;

        RateLimited(Duration retryAfter) {
            super("Too many requests from your address. Please try again in " + minutes(retryAfter) + ".");
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }

        private static String minutes(Duration wait) {
            long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
            return minutes == 1 ? "a minute" : minutes + " minutes";
        }
    }

    /** What the public request page shows. */
    public record PageInfo(String merchant, String name, String zone) {}

    /** A request as the form sends it; {@code start} for appointment and video requests only. */
    public record Submission(InquiryKind kind, String name, String email, String phone, String company, String message,
            Instant start, ZoneId zone) {}

    public record Submitted(UUID id, InquiryKind kind, InquiryStatus status) {}

    public record Settings(boolean enabled, UUID accountMemberId, String accountName, String accountEmail, String zone) {}

    @Transactional(readOnly = true)
    public PageInfo page(String merchantSlug) {
        Merchant merchant = open(merchantSlug);
        return new PageInfo(merchant.slug(), merchant.name(), settings.of(merchant.id()).zone().getId());
    }

    /**
     * Stores the request and mails it to the brand's account. Counted against the address's rate limit first; a filled
     * honeypot field (a bot) is answered like a success and dropped.
     */
    @Transactional
    public Submitted submit(String merchantSlug, Submission submission, String address, boolean honeypot) {
        Merchant merchant = open(merchantSlug);
        rateLimit.acquire(address, merchant.slug());
        Instant now = Instant.now(clock);
        if (honeypot) {
            LOG.info("Request to {} from {} dropped: the honeypot field was filled", merchant.slug(), address);
            return new Submitted(UUID.randomUUID(), submission.kind(), InquiryStatus.OPEN);
        }
        validate(submission, now);
        var setting = settings.of(merchant.id());
        if (setting.accountMemberId() == null) {
            throw DomainException.conflict("no_account", merchant.name() + " cannot take requests yet.");
        }
        var requester = shoppers.createBooker(merchant.id(), submission.name(), submission.email());
        var inquiry = new Inquiry(UUID.randomUUID(), submission.kind(), InquiryStatus.OPEN, submission.name(),
                submission.email(), blankToNull(submission.phone()), blankToNull(submission.company()),
                blankToNull(submission.message()), submission.kind().hasTime() ? submission.start() : null,
                submission.zone().getId(), null, null, null, now);
        store.insert(merchant.id(), inquiry, requester.shopper().id());
        notifications.notify(Notification.of("inquiry." + submission.kind().name().toLowerCase(Locale.ROOT),
                        brandTitle(inquiry, setting.zone()), brandBody(inquiry, setting.zone()), ADMIN_LINK, Channel.EMAIL),
                List.of(Recipient.staff(merchant.id(), setting.accountMemberId())));
        notifications.notify(Notification.of("inquiry.received", receivedTitle(inquiry, merchant),
                        receivedBody(inquiry, merchant), "/request/" + merchant.slug(), Channel.EMAIL),
                List.of(Recipient.shopper(merchant.id(), requester.shopper().id())));
        return new Submitted(inquiry.id(), inquiry.kind(), inquiry.status());
    }

    @Transactional(readOnly = true)
    public List<Inquiry> list(StaffPrincipal staff, InquiryStatus status) {
        requireAdmin(staff);
        return store.list(staff.merchantId(), status);
    }

    /**
     * Books the time (the requested one or another) with the expert through scheduling, whose booking path checks the
     * expert's free slots under their calendar lock and sends the requester the invitation.
     */
    @Transactional
    public Inquiry confirm(StaffPrincipal staff, UUID id, String expertHandle, Instant start) {
        requireAdmin(staff);
        Inquiry inquiry = openWithTime(staff, id);
        Instant at = start != null ? start : inquiry.requestedStart();
        AppointmentView appointment;
        try {
            appointment = scheduling.book(staff.merchantId(), expertHandle, at, ZoneId.of(inquiry.zone()),
                    inquiry.name(), inquiry.email());
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.NOT_FOUND) {
                throw DomainException.conflict("scheduling_off", "Appointments are switched off. Switch on scheduled "
                        + "streams and the booking page in the dashboard (card Appointments) to confirm requests.");
            }
            throw e;
        }
        Instant now = Instant.now(clock);
        store.decide(id, InquiryStatus.CONFIRMED, staff.memberId(), now, appointment.id(), appointment.startsAt());
        return store.lock(staff.merchantId(), id).orElseThrow();
    }

    @Transactional
    public Inquiry decline(StaffPrincipal staff, UUID id, String reason) {
        requireAdmin(staff);
        Inquiry inquiry = openWithTime(staff, id);
        Merchant merchant = merchants.get(staff.merchantId());
        store.decide(id, InquiryStatus.DECLINED, staff.memberId(), Instant.now(clock), null, null);
        ZoneId zone = ZoneId.of(inquiry.zone());
        String body = "Thank you for your request for " + when(inquiry.requestedStart(), zone) + ". " + merchant.name()
                + " cannot meet at that time."
                + (reason == null || reason.isBlank() ? "" : "\n\n" + reason.strip())
                + "\n\nYou are welcome to ask for another time.";
        store.shopperOf(id).ifPresent(shopper -> notifications.notify(Notification.of("inquiry.declined",
                        "Your request to " + merchant.name() + " was declined", body, "/request/" + merchant.slug(),
                        Channel.EMAIL),
                List.of(Recipient.shopper(merchant.id(), shopper))));
        return store.lock(staff.merchantId(), id).orElseThrow();
    }

    @Transactional
    public Inquiry markHandled(StaffPrincipal staff, UUID id) {
        requireAdmin(staff);
        Inquiry inquiry = store.lock(staff.merchantId(), id).orElseThrow(() -> DomainException.notFound("Request " + id));
        if (inquiry.status() != InquiryStatus.OPEN) {
            throw DomainException.conflict("decided", "This request was already " + inquiry.status().name().toLowerCase(Locale.ROOT) + ".");
        }
        store.decide(id, InquiryStatus.HANDLED, staff.memberId(), Instant.now(clock), null, null);
        return store.lock(staff.merchantId(), id).orElseThrow();
    }

    @Transactional(readOnly = true)
    public Settings settings(StaffPrincipal staff) {
        requireAdmin(staff);
        return view(settings.of(staff.merchantId()));
    }

    @Transactional
    public Settings saveSettings(StaffPrincipal staff, boolean enabled, UUID accountMemberId, ZoneId zone) {
        requireAdmin(staff);
        team.findMember(accountMemberId).filter(m -> m.merchantId().equals(staff.merchantId()))
                .orElseThrow(() -> DomainException.invalidField("accountMemberId", "This is not a member of your team."));
        settings.save(staff.merchantId(), new InquirySettings.Setting(enabled, accountMemberId, zone));
        return view(settings.of(staff.merchantId()));
    }

    private Settings view(InquirySettings.Setting setting) {
        var account = setting.accountMemberId() == null ? null : team.findMember(setting.accountMemberId()).orElse(null);
        return new Settings(setting.enabled(), setting.accountMemberId(), account == null ? null : account.displayName(),
                account == null ? null : account.email(), setting.zone().getId());
    }

    private Inquiry openWithTime(StaffPrincipal staff, UUID id) {
        Inquiry inquiry = store.lock(staff.merchantId(), id).orElseThrow(() -> DomainException.notFound("Request " + id));
        if (!inquiry.kind().hasTime()) {
            throw DomainException.conflict("no_time", "An email inquiry has no time to confirm or decline: mark it handled.");
        }
        if (inquiry.status() != InquiryStatus.OPEN) {
            throw DomainException.conflict("decided", "This request was already " + inquiry.status().name().toLowerCase(Locale.ROOT) + ".");
        }
        return inquiry;
    }

    private static void validate(Submission s, Instant now) {
        if (s.kind().hasTime()) {
            if (s.start() == null) {
                throw DomainException.invalidField("start", "Please pick a date and a time.");
            }
            if (!s.start().isAfter(now)) {
                throw DomainException.invalidField("start", "This time has passed. Please pick a later one.");
            }
            if (s.start().isAfter(now.plus(HORIZON))) {
                throw DomainException.invalidField("start", "Please pick a time within the next twelve months.");
            }
        } else if (s.message() == null || s.message().isBlank()) {
            throw DomainException.invalidField("message", "Please write a short message.");
        }
    }

    private Merchant open(String slug) {
        Merchant merchant = merchants.requireBySlug(slug);
        if (!settings.of(merchant.id()).enabled()) {
            throw DomainException.notFound("Request page of '" + slug + "'");
        }
        return merchant;
    }

    private static void requireAdmin(StaffPrincipal staff) {
        if (staff == null || !staff.isAdmin()) {
            throw DomainException.forbidden("Only an admin may see and decide requests.");
        }
    }

    private static String brandTitle(Inquiry inquiry, ZoneId brandZone) {
        return switch (inquiry.kind()) {
            case APPOINTMENT -> "Appointment request from " + inquiry.name() + ": " + when(inquiry.requestedStart(), brandZone);
            case VIDEO -> "Video chat request from " + inquiry.name() + ": " + when(inquiry.requestedStart(), brandZone);
            case EMAIL -> "Message from " + inquiry.name();
        };
    }

    private static String brandBody(Inquiry inquiry, ZoneId brandZone) {
        StringBuilder body = new StringBuilder();
        body.append("Name: ").append(inquiry.name()).append('\n');
        body.append("Email: ").append(inquiry.email()).append('\n');
        if (inquiry.phone() != null) {
            body.append("Phone: ").append(inquiry.phone()).append('\n');
        }
        if (inquiry.company() != null) {
            body.append("Company: ").append(inquiry.company()).append('\n');
        }
        if (inquiry.kind().hasTime()) {
            ZoneId theirs = ZoneId.of(inquiry.zone());
            body.append("Requested time: ").append(when(inquiry.requestedStart(), brandZone));
            if (!theirs.equals(brandZone)) {
                body.append(" = ").append(when(inquiry.requestedStart(), theirs)).append(" for the requester");
            }
            body.append('\n');
        }
        if (inquiry.message() != null) {
            body.append('\n').append(inquiry.message()).append('\n');
        }
        body.append('\n').append(inquiry.kind().hasTime() ? "Confirm or decline it in the dashboard under Requests."
                : "Reply to " + inquiry.email() + ", then mark it handled in the dashboard under Requests.");
        return body.toString();
    }

    /** The requester learns at once that the request arrived and what happens next. */
    private static String receivedTitle(Inquiry inquiry, Merchant merchant) {
        return inquiry.kind().hasTime() ? "We received your request to " + merchant.name()
                : "Your message to " + merchant.name() + " arrived";
    }

    private static String receivedBody(Inquiry inquiry, Merchant merchant) {
        if (!inquiry.kind().hasTime()) {
            return merchant.name() + " received your message and will answer you at " + inquiry.email() + ".";
        }
        String what = inquiry.kind() == InquiryKind.VIDEO ? "a video chat" : "an appointment";
        return "You asked " + merchant.name() + " for " + what + " on " + when(inquiry.requestedStart(), ZoneId.of(inquiry.zone()))
                + ". You will get an email when they confirm this time or suggest another one; the confirmation carries "
                + "a calendar invitation.";
    }

    private static String when(Instant at, ZoneId zone) {
        return at.atZone(zone).format(WHEN) + " (" + zone.getId() + ")";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
