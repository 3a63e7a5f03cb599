package io.vitrine.scheduling.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vitrine.merchant.StaffPrincipal;
import io.vitrine.scheduling.AppointmentView;
import io.vitrine.scheduling.internal.AppointmentService;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Appointments in the console: proposing from a live dialog, my appointments, and all of them for admins. */
@RestController
@Tag(name = "Appointments")
@SecurityRequirement(name = "staffSession")
class StaffAppointmentController {

    private final AppointmentService appointments;

    StaffAppointmentController(AppointmentService appointments) {
        this.appointments = appointments;
    }

    @GetMapping("/api/v1/dialogs/{dialogId}/appointments")
    @Operation(summary = "The dialog's appointments, with the expert's and the customer's time zone")
    AppointmentService.DialogAppointments ofDialog(@Parameter(hidden = true) @AuthenticationPrincipal StaffPrincipal staff,
            @PathVariable UUID dialogId) {
        return appointments.ofDialog(dialogId, Actors.of(staff));
    }

    @PostMapping("/api/v1/dialogs/{dialogId}/appointments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "The dialog's expert proposes a time; refused (409 slot_taken) when it collides with another appointment")
    AppointmentView propose(@Parameter(hidden = true) @AuthenticationPrincipal StaffPrincipal staff,
            @PathVariable UUID dialogId, @Valid @RequestBody SlotRequest slot) {
        return appointments.propose(dialogId, Actors.of(staff), slot.slot());
    }

    @GetMapping("/api/v1/appointments")
    @Operation(summary = "The caller's own appointments as expert, from yesterday on")
    List<AppointmentView> mine(@Parameter(hidden = true) @AuthenticationPrincipal StaffPrincipal staff) {
        return appointments.mine(Actors.of(staff));
    }

    @GetMapping("/api/v1/appointments/all")
    @Operation(summary = "All appointments of the merchant, from yesterday on (admins)")
    List<AppointmentView> all(@Parameter(hidden = true) @AuthenticationPrincipal StaffPrincipal staff) {
        return appointments.ofMerchant(Actors.of(staff));
    }

    @GetMapping("/api/v1/appointments/{id}")
    AppointmentView get(@Parameter(hidden = true) @AuthenticationPrincipal StaffPrincipal staff, @PathVariable UUID id) {
        return appointments.get(id, Actors.of(staff));
    }

    @PostMapping("/api/v1/appointments/{id}/confirm")
    AppointmentView confirm(@Parameter(hidden = true) @AuthenticationPrincipal StaffPrincipal staff, @PathVariable UUID id) {
        return appointments.confirm(id, Actors.of(staff));
    }

    @PostMapping("/api/v1/appointments/{id}/reschedule")
    AppointmentView reschedule(@Parameter(hidden = true) @AuthenticationPrincipal StaffPrincipal staff,
            @PathVariable UUID id, @Valid @RequestBody SlotRequest slot) {
        return appointments.reschedule(id, Actors.of(staff), slot.slot());
    }

    @PostMapping("/api/v1/appointments/{id}/cancel")
    AppointmentView cancel(@Parameter(hidden = true) @AuthenticationPrincipal StaffPrincipal staff, @PathVariable UUID id) {
        return appointments.cancel(id, Actors.of(staff));
    }

    @GetMapping(value = "/api/v1/appointments/{id}/invitation.ics", produces = "text/calendar")
    @Operation(summary = "The appointment as an iCalendar file in the expert's time zone")
    ResponseEntity<String> calendar(@Parameter(hidden = true) @AuthenticationPrincipal StaffPrincipal staff,
            @PathVariable UUID id) {
        return CalendarFiles.download(id, appointments.calendarFile(id, Actors.of(staff)));
    }
}
