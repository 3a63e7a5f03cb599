package io.vitrine.scheduling.internal;

import io.vitrine.shared.Actor;
import io.vitrine.merchant.TeamApi;
import io.vitrine.shared.DomainException;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The merchant's scheduling setting (admins) and experts' zones and working hours (admins, or the expert's own). */
@Service
public class SchedulingAdmin {

    private final SchedulingSettings settings;
    private final ExpertCalendars calendars;
    private final TeamApi team;

    SchedulingAdmin(SchedulingSettings settings, ExpertCalendars calendars, TeamApi team) {
        this.settings = settings;
        this.calendars = calendars;
        this.team = team;
    }

    public record Settings(boolean enabled, int slotMinutes) {}

    public record WorkingHours(String zone, List<SlotPolicy.Hours> hours) {}

    @Transactional(readOnly = true)
    public Settings settings(Actor.Staff staff) {
        var s = settings.of(staff.merchantId());
        return new Settings(s.enabled(), s.slotMinutes());
    }

    @Transactional
    public Settings save(Actor.Staff staff, Settings changed) {
        requireAdmin(staff);
        settings.save(staff.merchantId(), new SchedulingSettings.Setting(changed.enabled(), changed.slotMinutes()));
        return changed;
    }

    @Transactional(readOnly = true)
    public WorkingHours hours(Actor.Staff staff, UUID memberId) {
        requireMember(staff, memberId);
        return new WorkingHours(calendars.zone(memberId).map(ZoneId::getId).orElse(null), calendars.hours(memberId));
    }

    @Transactional
    public WorkingHours setHours(Actor.Staff staff, UUID memberId, ZoneId zone, List<SlotPolicy.Hours> hours) {
        requireMember(staff, memberId);
        if (!staff.admin() && !staff.memberId().equals(memberId)) {
            throw DomainException.forbidden("Only admins set other team members' working hours.");
        }
        calendars.setZone(staff.merchantId(), memberId, zone);
        calendars.replaceHours(memberId, hours);
        return new WorkingHours(zone.getId(), calendars.hours(memberId));
    }

    private void requireMember(Actor.Staff staff, UUID memberId) {
        team.findMember(memberId).filter(m -> m.merchantId().equals(staff.merchantId()))
                .orElseThrow(() -> DomainException.notFound("Team member"));
    }

    private static void requireAdmin(Actor.Staff staff) {
        if (!staff.admin()) {
            throw DomainException.forbidden("Only the merchant's admins change scheduling settings.");
        }
    }
}
