package io.vitrine.scheduling.web;

import io.vitrine.scheduling.internal.BookingService;
import io.vitrine.shared.DomainException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** {@code /book/{merchant}}, optionally {@code ?expert=<handle>} or {@code ?store=<name>}: the public booking page. */
@Controller
class BookingPage {

    private final BookingService booking;

    BookingPage(BookingService booking) {
        this.booking = booking;
    }

    @GetMapping("/book/{merchant}")
    String page(@PathVariable String merchant, @RequestParam(required = false) String expert,
            @RequestParam(required = false) String store, Model model) {
        model.addAttribute("merchant", merchant);
        try {
            model.addAttribute("merchantName", booking.bookableName(merchant));
        } catch (DomainException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        }
        model.addAttribute("expert", expert);
        model.addAttribute("store", store);
        return "book";
    }
}
