package io.vitrine.demo;

import io.vitrine.shared.DemoOnly;
import io.vitrine.shared.PublicUrl;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** A pretend shop that embeds Vitrine the way a merchant's site would. */
@Controller
@DemoOnly
class DemoShopController {

    private final PublicUrl publicUrl;

    DemoShopController(PublicUrl publicUrl) {
        this.publicUrl = publicUrl;
    }

    @GetMapping("/demo")
    String shop(Model model) {
        model.addAttribute("baseUrl", publicUrl.base());
        return "demo";
    }

    /** The demo shop's cart page: filled from the {@code vitrine:cart} event when the Host hands a cart over. */
    @GetMapping("/demo/cart")
    String cart(Model model) {
        model.addAttribute("baseUrl", publicUrl.base());
        return "demo-cart";
    }

    @GetMapping("/demo/privacy")
    String privacy() {
        return "demo-privacy";
    }
}
