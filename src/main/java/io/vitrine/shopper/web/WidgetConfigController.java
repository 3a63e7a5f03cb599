package io.vitrine.shopper.web;

import io.vitrine.merchant.Merchant;
import io.vitrine.merchant.MerchantApi;
import io.vitrine.merchant.TeamApi;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** What the embed script and the widget need to know about a merchant before a shopper is known. */
@RestController
class WidgetConfigController {

    private final MerchantApi merchants;
    private final TeamApi team;

    WidgetConfigController(MerchantApi merchants, TeamApi team) {
        this.merchants = merchants;
        this.team = team;
    }

    @GetMapping("/api/v1/widget/{merchant}/config")
    ResponseEntity<WidgetConfig> config(@PathVariable String merchant) {
        Merchant m = merchants.requireBySlug(merchant);
        var s = m.settings();
        var config = new WidgetConfig(new WidgetConfig.MerchantRef(m.slug(), m.name()),
                new WidgetConfig.Button(s.buttonColor(), s.buttonPosition(), s.buttonLabel()),
                new WidgetConfig.PersonalData(s.collectPersonalData(), s.collectPersonalData() ? s.personalDataFields() : List.of()),
                s.privacyPolicyUrl(), !team.online(m.id()).isEmpty());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(config);
    }

    record WidgetConfig(MerchantRef merchant, Button button, PersonalData personalData, String privacyPolicyUrl,
            boolean expertsOnline) {
        record MerchantRef(String slug, String name) {}

        record Button(String color, String position, String label) {}

        record PersonalData(boolean collect, List<String> fields) {}
    }
}
