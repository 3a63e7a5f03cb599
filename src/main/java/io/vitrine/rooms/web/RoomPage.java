package io.vitrine.rooms.web;

import io.vitrine.merchant.Merchant;
import io.vitrine.rooms.internal.RoomService;
import io.vitrine.shared.DomainException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** {@code /r/{token}}: the merchant's widget as a page in room mode (opens at, join, full, ended). */
@Controller
class RoomPage {

    private final RoomService rooms;

    RoomPage(RoomService rooms) {
        this.rooms = rooms;
    }

    @GetMapping("/r/{token}")
    String room(@PathVariable String token, Model model) {
        Merchant merchant;
        try {
            merchant = rooms.merchantOf(token);
        } catch (DomainException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        }
        model.addAttribute("merchantSlug", merchant.slug());
        model.addAttribute("merchantName", merchant.name());
        model.addAttribute("room", token);
        return "widget";
    }
}
