package io.vitrine.contacts.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vitrine.contacts.internal.Contact;
import io.vitrine.contacts.internal.Invitations;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The links in contact mail, without any login. Opening one only asks (mail scanners open links too); a POST does
 * it: from the page's button, or straight from the mail client for unsubscribe (RFC 8058 one-click).
 */
@Controller
@Tag(name = "Contacts")
class OptInController {

    private final Invitations invitations;

    OptInController(Invitations invitations) {
        this.invitations = invitations;
    }

    @GetMapping("/api/v1/contacts/confirm/{token}")
    @SecurityRequirements
    @Operation(summary = "A page asking the shopper to confirm the contact (double opt-in)")
    String askConfirm(@PathVariable String token, Model model) {
        return page(model, "confirm-ask", "/api/v1/contacts/confirm/" + token);
    }

    @PostMapping("/api/v1/contacts/confirm/{token}")
    @SecurityRequirements
    @Operation(summary = "Confirms the contact: from now on the expert's messages reach them; 404 for an unknown link")
    String confirm(@PathVariable String token, Model model, HttpServletResponse response) {
        Optional<Contact> contact = invitations.confirm(token);
        return outcome(model, response, contact, "confirmed");
    }

    @GetMapping("/api/v1/contacts/unsubscribe/{token}")
    @SecurityRequirements
    @Operation(summary = "A page asking whether to stop the expert's messages")
    String askUnsubscribe(@PathVariable String token, Model model) {
        return page(model, "unsubscribe-ask", "/api/v1/contacts/unsubscribe/" + token);
    }

    @PostMapping("/api/v1/contacts/unsubscribe/{token}")
    @SecurityRequirements
    @Operation(summary = "Stops every further message to the contact (RFC 8058 one-click); 404 for an unknown link")
    String unsubscribe(@PathVariable String token, Model model, HttpServletResponse response) {
        return outcome(model, response, invitations.unsubscribe(token), "unsubscribed");
    }

    private static String outcome(Model model, HttpServletResponse response, Optional<Contact> contact, String state) {
        if (contact.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        }
        return page(model, contact.isPresent() ? state : "invalid", null);
    }

    private static String page(Model model, String state, String action) {
        model.addAttribute("state", state);
        model.addAttribute("action", action);
        return "contacts/opt-in";
    }
}
