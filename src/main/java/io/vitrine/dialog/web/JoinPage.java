package io.vitrine.dialog.web;

import io.vitrine.dialog.internal.CoopService;
import io.vitrine.merchant.Merchant;
import io.vitrine.shared.DomainException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** The page an invite link opens: the merchant's widget, in join mode. */
@Controller
class JoinPage {

    private final CoopService coop;

    JoinPage(CoopService coop) {
        this.coop = coop;
    }

    @GetMapping("/join/{token}")
    String join(@PathVariable String token, Model model) {
        Merchant merchant;
        try {
            merchant = coop.merchantOf(token);
        } catch (DomainException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        }
        model.addAttribute("merchantSlug", merchant.slug());
        model.addAttribute("merchantName", merchant.name());
        model.addAttribute("invite", token);
        return "widget";
    }
}
