package io.vitrine.scheduling.web;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vitrine.merchant.StaffPrincipal;
import io.vitrine.scheduling.internal.SchedulingAdmin;
import io.vitrine.scheduling.internal.SlotPolicy;
import io.vitrine.scheduling.internal.Zones;
import io.vitrine.shared.DomainException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Scheduled streams on or off, the slot length, and each expert's time zone and working hours. */
@RestController
@RequestMapping("/api/v1/scheduling")
@Tag(name = "Appointments")
@SecurityRequirement(name = "staffSession")
class SchedulingAdminController {

    private final SchedulingAdmin admin;

    SchedulingAdminController(SchedulingAdmin admin) {
        this.admin = admin;
    }

    record SettingsRequest(@NotNull Boolean enabled, @NotNull @Min(10) @Max(240) Integer slotMinutes) {}

    record HoursRequest(@NotNull @Schema(example = "Europe/Berlin") String zone,
            @NotNull @Size(max = 28) List<@Valid @NotNull Stretch> hours) {}

    record Stretch(@NotNull DayOfWeek day, @NotNull @Schema(type = "string", example = "09:00") LocalTime from,
            @NotNull @Schema(type = "string", example = "17:00") LocalTime to) {

        SlotPolicy.Hours hours() {
            if (!to.isAfter(from)) {
                throw DomainException.invalidField("hours", "Working hours must end after they start (" + day + ").");
            }
            return new SlotPolicy.Hours(day, from, to);
        }
    }

    @GetMapping("/settings")
    SchedulingAdmin.Settings settings(@Parameter(hidden = true) @AuthenticationPrincipal StaffPrincipal staff) {
        return admin.settings(Actors.of(staff));
    }

    @PutMapping("/settings")
    SchedulingAdmin.Settings save(@Parameter(hidden = true) @AuthenticationPrincipal StaffPrincipal staff,
            @Valid @RequestBody SettingsRequest request) {
        return admin.save(Actors.of(staff), new SchedulingAdmin.Settings(request.enabled(), request.slotMinutes()));
    }

    @GetMapping("/experts/{memberId}/hours")
    SchedulingAdmin.WorkingHours hours(@Parameter(hidden = true) @AuthenticationPrincipal StaffPrincipal staff,
            @PathVariable UUID memberId) {
        return admin.hours(Actors.of(staff), memberId);
    }

    @PutMapping("/experts/{memberId}/hours")
    SchedulingAdmin.WorkingHours setHours(@Parameter(hidden = true) @AuthenticationPrincipal StaffPrincipal staff,
            @PathVariable UUID memberId, @Valid @RequestBody HoursRequest request) {
        return admin.setHours(Actors.of(staff), memberId, Zones.parse("zone", request.zone()),
                request.hours().stream().map(Stretch::hours).toList());
    }
}
