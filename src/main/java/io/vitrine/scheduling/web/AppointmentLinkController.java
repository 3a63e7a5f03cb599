package io.vitrine.scheduling.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vitrine.scheduling.internal.AppointmentGuests;
import io.vitrine.scheduling.internal.AppointmentLinks;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Appointment links, as the widget opens them: no login, the link's token is the credential. The booker's link
 * opens the room as its Host, a Guest's link as a Guest, from the start time on.
 */
@RestController
@RequestMapping("/api/v1/widget/{merchant}/appointment-links/{token}")
@Tag(name = "Appointments")
class AppointmentLinkController {

    private final AppointmentLinks links;
    private final AppointmentGuests guests;

    AppointmentLinkController(AppointmentLinks links, AppointmentGuests guests) {
        this.links = links;
        this.guests = guests;
    }

    record JoinRequest(@Size(max = 40) String screenName) {}

    @GetMapping
    @Operation(summary = "What an appointment link opens: its role (HOST or GUEST), the time and whether the room is open")
    AppointmentLinks.PassView look(@PathVariable String merchant, @PathVariable String token) {
        return links.look(merchant, token);
    }

    @PostMapping("/join")
    @Operation(summary = "Enters the appointment's room with the link: a shopper token and the dialog; a Guest gives a "
            + "screen name. 409 not_open before the start, ended, cancelled, or stream_full beyond five customers")
    AppointmentLinks.Joined join(@PathVariable String merchant, @PathVariable String token,
            @Valid @RequestBody(required = false) JoinRequest request) {
        return links.join(merchant, token, request == null ? null : request.screenName());
    }

    @GetMapping("/guests")
    @Operation(summary = "The Guests the booker added, from the booker's link; a Guest's link gets 403")
    AppointmentGuests.Guests guests(@PathVariable String merchant, @PathVariable String token) {
        return guests.listWithLink(merchant, token);
    }

    @PostMapping("/guests")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "The booker adds a Guest from their link, as the Host does in the widget; a Guest's link gets 403")
    AppointmentGuests.Guest addGuest(@PathVariable String merchant, @PathVariable String token,
            @Valid @RequestBody GuestRequest request) {
        return guests.addWithLink(merchant, token, request.email());
    }
}
