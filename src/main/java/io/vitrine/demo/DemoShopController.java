package io.vitrine.demo;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** A pretend shop that embeds Vitrine the way a merchant's site would. */
@Controller
@ConditionalOnBooleanProperty("vitrine.demo")
class DemoShopController {

    @GetMapping("/demo")
    String shop(Model model) {
        model.addAttribute("baseUrl", ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString());
        return "demo";
    }

    @GetMapping("/demo/privacy")
    String privacy() {
        return "demo-privacy";
    }
}
