package io.vitrine.notifications.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vitrine.notifications.internal.Unsubscribes;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The unsubscribe link of every email. Opening it only asks (mail scanners open links too); a POST unsubscribes:
 * from that page's button, or straight from the mail client (RFC 8058 one-click), without any login.
 */
@Controller
@RequestMapping("/api/v1/notifications/unsubscribe/{token}")
@Tag(name = "Notifications")
class UnsubscribeController {

    private final Unsubscribes unsubscribes;

    UnsubscribeController(Unsubscribes unsubscribes) {
        this.unsubscribes = unsubscribes;
    }

    @GetMapping
    @SecurityRequirements
    @Operation(summary = "A page asking whether to stop the emails")
    String ask(@PathVariable String token, Model model) {
        model.addAttribute("state", "ask");
        model.addAttribute("action", "/api/v1/notifications/unsubscribe/" + token);
        return "mail/unsubscribe";
    }

    @PostMapping
    @SecurityRequirements
    @Operation(summary = "Stops emails to the link's recipient (RFC 8058 one-click); 404 for an unknown link")
    String unsubscribe(@PathVariable String token, Model model, HttpServletResponse response) {
        boolean done = unsubscribes.unsubscribe(token);
        if (!done) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        }
        model.addAttribute("state", done ? "done" : "invalid");
        return "mail/unsubscribe";
    }
}
