package io.vitrine.scheduling.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vitrine.scheduling.AppointmentView;
import io.vitrine.scheduling.internal.AppointmentGuests;
import io.vitrine.scheduling.internal.AppointmentService;
import io.vitrine.shopper.AuthenticatedShopper;
import io.vitrine.shopper.Shopper;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Appointments as the widget uses them: the Host proposes and decides; Guests see them and add them to a calendar. */
@RestController
@RequestMapping("/api/v1/widget/me")
@Tag(name = "Appointments")
@SecurityRequirement(name = "shopperToken")
class WidgetAppointmentController {

    private final AppointmentService appointments;
    private final AppointmentGuests guests;

    WidgetAppointmentController(AppointmentService appointments, AppointmentGuests guests) {
        this.appointments = appointments;
        this.guests = guests;
    }

    @GetMapping("/dialogs/{dialogId}/appointments")
    @Operation(summary = "The dialog's appointments, with the expert's and the customer's time zone")
    AppointmentService.DialogAppointments ofDialog(@Parameter(hidden = true) @AuthenticatedShopper Shopper shopper,
            @PathVariable UUID dialogId) {
        return appointments.ofDialog(dialogId, Actors.of(shopper));
    }

    @PostMapping("/dialogs/{dialogId}/appointments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "The Host proposes a time; refused (409 slot_taken) when it collides with the expert's appointments")
    AppointmentView propose(@Parameter(hidden = true) @AuthenticatedShopper Shopper shopper, @PathVariable UUID dialogId,
            @Valid @RequestBody SlotRequest slot) {
        return appointments.propose(dialogId, Actors.of(shopper), slot.slot());
    }

    record PushSubscription(
            @NotBlank @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be the push service URL")
            String endpoint,
            @Valid @NotNull Keys keys) {

        record Keys(@NotBlank @Size(max = 200) String p256dh, @NotBlank @Size(max = 100) String auth) {}
    }

    record Subscribed(UUID id) {}

    @PostMapping("/dialogs/{dialogId}/notify-me")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "\"Notify me\": the Host's browser gets pushes about the dialog's appointments; Guests get 403")
    Subscribed notifyMe(@Parameter(hidden = true) @AuthenticatedShopper Shopper shopper, @PathVariable UUID dialogId,
            @Valid @RequestBody PushSubscription subscription) {
        return new Subscribed(appointments.notifyMe(dialogId, Actors.of(shopper), subscription.endpoint(),
                subscription.keys().p256dh(), subscription.keys().auth()));
    }

    @GetMapping("/appointments")
    @Operation(summary = "Appointments the shopper is the Host of, from yesterday on")
    List<AppointmentView> mine(@Parameter(hidden = true) @AuthenticatedShopper Shopper shopper) {
        return appointments.mine(Actors.of(shopper));
    }

    @GetMapping("/appointments/{id}")
    AppointmentView get(@Parameter(hidden = true) @AuthenticatedShopper Shopper shopper, @PathVariable UUID id) {
        return appointments.get(id, Actors.of(shopper));
    }

    @PostMapping("/appointments/{id}/confirm")
    @Operation(summary = "The Host confirms a proposed time; Guests get 403 forbidden")
    AppointmentView confirm(@Parameter(hidden = true) @AuthenticatedShopper Shopper shopper, @PathVariable UUID id) {
        return appointments.confirm(id, Actors.of(shopper));
    }

    @PostMapping("/appointments/{id}/reschedule")
    AppointmentView reschedule(@Parameter(hidden = true) @AuthenticatedShopper Shopper shopper, @PathVariable UUID id,
            @Valid @RequestBody SlotRequest slot) {
        return appointments.reschedule(id, Actors.of(shopper), slot.slot());
    }

    @PostMapping("/appointments/{id}/cancel")
    AppointmentView cancel(@Parameter(hidden = true) @AuthenticatedShopper Shopper shopper, @PathVariable UUID id) {
        return appointments.cancel(id, Actors.of(shopper));
    }

    @GetMapping("/appointments/{id}/guests")
    @Operation(summary = "The Guests the Host added to the appointment, with their links; Guests get 403")
    AppointmentGuests.Guests guests(@Parameter(hidden = true) @AuthenticatedShopper Shopper shopper, @PathVariable UUID id) {
        return guests.list(id, Actors.of(shopper));
    }

    @PostMapping("/appointments/{id}/guests")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "The Host adds a Guest to an upcoming appointment: by email (with the invitation) or, without "
            + "one, a link to pass on. 409 too_many_guests beyond five customers; Guests get 403")
    AppointmentGuests.Guest addGuest(@Parameter(hidden = true) @AuthenticatedShopper Shopper shopper, @PathVariable UUID id,
            @Valid @RequestBody GuestRequest request) {
        return guests.add(id, Actors.of(shopper), request.email());
    }

    @GetMapping(value = "/appointments/{id}/invitation.ics", produces = "text/calendar")
    @Operation(summary = "The appointment as an iCalendar file in the customer's time zone")
    ResponseEntity<String> calendar(@Parameter(hidden = true) @AuthenticatedShopper Shopper shopper, @PathVariable UUID id) {
        return CalendarFiles.download(id, appointments.calendarFile(id, Actors.of(shopper)));
    }
}
