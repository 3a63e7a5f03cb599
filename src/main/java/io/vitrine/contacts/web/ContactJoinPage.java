package io.vitrine.contacts.web;

import io.vitrine.contacts.ContactChannel;
import io.vitrine.contacts.internal.Invitations;
import io.vitrine.shared.DomainException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page behind an invite link (the QR code the expert shows in the store): the shopper enters their name and
 * address on their own phone, so the expert never types or sees them. A plain form, no script.
 */
@Controller
class ContactJoinPage {

    private final Invitations invitations;

    ContactJoinPage(Invitations invitations) {
        this.invitations = invitations;
    }

    @GetMapping("/contacts/join/{token}")
    String form(@PathVariable String token, Model model) {
        try {
            model.addAttribute("invite", invitations.preview(token));
            model.addAttribute("state", "form");
        } catch (DomainException e) {
            model.addAttribute("state", "invalid");
            model.addAttribute("error", e.getMessage());
        }
        return "contacts/join";
    }

    @PostMapping("/contacts/join/{token}")
    String join(@PathVariable String token, @RequestParam(defaultValue = "") String screenName,
            @RequestParam(required = false) ContactChannel channel, @RequestParam(defaultValue = "") String address,
            @RequestParam(defaultValue = "false") boolean consent, Model model) {
        try {
            invitations.joinByLink(token, screenName, channel, address, consent);
            model.addAttribute("state", "joined");
        } catch (DomainException e) {
            model.addAttribute("state", e.kind() == DomainException.Kind.INVALID ? "form" : "invalid");
            model.addAttribute("error", e.getMessage());
            model.addAttribute("screenName", screenName);
            if (e.kind() == DomainException.Kind.INVALID) {
                model.addAttribute("invite", invitations.preview(token));
            }
        }
        return "contacts/join";
    }
}
