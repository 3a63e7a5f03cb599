package io.vitrine.shopper.web;

import io.vitrine.merchant.Merchant;
import io.vitrine.merchant.MerchantApi;
import io.vitrine.shared.SecurityHeaders;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** The widget's page, opened in an iframe by embed.js. The slug pattern leaves /widget/widget.js to the static files. */
@Controller
class WidgetPage {

    private final MerchantApi merchants;

    WidgetPage(MerchantApi merchants) {
        this.merchants = merchants;
    }

    @GetMapping("/widget/{merchant:[a-z0-9][a-z0-9-]*}")
    String widget(@PathVariable String merchant, Model model, HttpServletRequest request, HttpServletResponse response) {
        Merchant m = merchants.findBySlug(merchant)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such shop"));
        SecurityHeaders.allowFraming(request, response, m.settings().embedOrigins());
        model.addAttribute("merchantSlug", m.slug());
        model.addAttribute("merchantName", m.name());
        return "widget";
    }
}
