package io.vitrine.scheduling.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vitrine.scheduling.internal.BookingService;
import io.vitrine.scheduling.internal.Zones;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The public booking page's API: no login; a merchant without scheduled streams has no booking page (404). */
@RestController
@RequestMapping("/api/v1/book/{merchant}")
@Tag(name = "Booking")
class BookingController {

    private final BookingService booking;

    BookingController(BookingService booking) {
        this.booking = booking;
    }

    record BookingRequest(@NotBlank @Size(max = 80) String name, @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(max = 40) String expert, @NotNull Instant start, @NotBlank @Size(max = 64) String zone) {}

    @GetMapping("/slots")
    @Operation(summary = "Free slots of the merchant's experts for the next two weeks")
    List<BookingService.ExpertSlots> slots(@PathVariable String merchant,
            @RequestParam(required = false) String expert, @RequestParam(required = false) String store) {
        return booking.slots(merchant, expert, store);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Books a free slot; the booker gets the invitation by email; 409 slot_taken when it was just booked")
    BookingService.Booked book(@PathVariable String merchant, @Valid @RequestBody BookingRequest request) {
        return booking.book(merchant, new BookingService.Booking(request.name(), request.email(), request.expert(),
                request.start(), Zones.parse("zone", request.zone())));
    }
}
