package io.vitrine.dialog.web;

import io.vitrine.dialog.internal.DialogProperties;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The staff pages state how long an offer lasts; the routing settings are the dialog module's. */
@ControllerAdvice(basePackages = "io.vitrine.merchant.web")
class RoutingPageFacts {

    private final DialogProperties properties;

    RoutingPageFacts(DialogProperties properties) {
        this.properties = properties;
    }

    @ModelAttribute("offerSeconds")
    long offerSeconds() {
        return properties.routing().offerTimeout().toSeconds();
    }
}
