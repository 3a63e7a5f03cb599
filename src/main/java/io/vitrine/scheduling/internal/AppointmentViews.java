package io.vitrine.scheduling.internal;

import io.vitrine.merchant.Member;
import io.vitrine.merchant.TeamApi;
import io.vitrine.scheduling.AppointmentView;
import io.vitrine.shopper.Shopper;
import io.vitrine.shopper.ShopperApi;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.stereotype.Component;

/** Appointments as participants see them: names, never contact details, and an "Add to Google Calendar" link. */
@Component
class AppointmentViews {

    private static final DateTimeFormatter GOOGLE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final TeamApi team;
    private final ShopperApi shoppers;

    AppointmentViews(TeamApi team, ShopperApi shoppers) {
        this.team = team;
        this.shoppers = shoppers;
    }

    AppointmentView of(Appointment a) {
        String expert = team.findMember(a.expertId()).map(Member::displayName).orElse("");
        String customer = a.hostShopperId() == null ? null
                : shoppers.find(a.hostShopperId()).map(Shopper::screenName).orElse(null);
        return new AppointmentView(a.id(), a.dialogId(), a.status(), a.startsAt(), a.endsAt(), a.expertZone().getId(),
                a.customerZone().getId(), expert, customer, a.proposedBy(), a.sequence(),
                googleCalendarUrl(title(expert), a.startsAt(), a.endsAt()));
    }

    List<AppointmentView> of(List<Appointment> appointments) {
        return appointments.stream().map(this::of).toList();
    }

    static String title(String expertName) {
        return expertName == null || expertName.isBlank() ? "Video consultation" : "Video consultation with " + expertName;
    }

    /** Google Calendar's documented template link (action=TEMPLATE, dates in UTC). */
    static String googleCalendarUrl(String title, Instant start, Instant end) {
        return "https://calendar.google.com/calendar/render?action=TEMPLATE&text="
                + URLEncoder.encode(title, StandardCharsets.UTF_8) + "&dates=" + GOOGLE.format(start) + "/"
                + GOOGLE.format(end);
    }
}
