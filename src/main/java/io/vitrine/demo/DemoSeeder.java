package io.vitrine.demo;

import io.vitrine.catalog.CatalogApi;
import io.vitrine.catalog.ImportFormat;
import io.vitrine.merchant.Merchant;
import io.vitrine.merchant.MerchantApi;
import io.vitrine.merchant.MerchantSettings;
import io.vitrine.merchant.Role;
import io.vitrine.merchant.TeamApi;
import io.vitrine.shared.VitrineProperties;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** In demo mode, seeds the demo merchant once; a restart keeps what is there. */
@Component
class DemoSeeder {

    static final String SLUG = "demo";
    private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);

    private final MerchantApi merchants;
    private final TeamApi team;
    private final CatalogApi catalog;
    private final boolean demoMode;

    DemoSeeder(MerchantApi merchants, TeamApi team, CatalogApi catalog, VitrineProperties vitrine) {
        this.merchants = merchants;
        this.team = team;
        this.catalog = catalog;
        this.demoMode = vitrine.demo();
    }

    // First: other modules' demo data (channels) is added to the merchant made here.
    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.HIGHEST_PRECEDENCE + 100)
    void seed() {
        if (!demoMode || merchants.findBySlug(SLUG).isPresent()) {
            return;
        }
        var settings = new MerchantSettings("#0b7a4b", "bottom-right", "Talk to an expert", true,
                List.of("name", "email"), "/demo/privacy", 60, 3, true);
        Merchant demo = merchants.create(SLUG, "Demo Store", settings);
        team.addMember(demo.id(), new TeamApi.NewMember("admin@demo.test", "Dana Admin", "demo-admin", Role.ADMIN, null, null));
        team.addMember(demo.id(), new TeamApi.NewMember("anna@demo.test", "Anna Expert", "demo-expert", Role.EXPERT, "anna", "Berlin"));
        team.addMember(demo.id(), new TeamApi.NewMember("ben@demo.test", "Ben Expert", "demo-expert", Role.EXPERT, "ben", "Munich"));
        seedCatalog(demo);
        log.info("Demo mode: seeded the merchant 'demo' (logins: admin@demo.test / demo-admin, anna@demo.test and ben@demo.test / demo-expert)");
    }

    /** About 30 products with images shipped under static/catalog/demo, imported like a merchant's own CSV. */
    private void seedCatalog(Merchant demo) {
        try (var products = DemoSeeder.class.getResourceAsStream("/static/catalog/demo/products.csv")) {
            var job = catalog.importNow(demo.id(), products, ImportFormat.CSV, "products.csv");
            log.info("Demo mode: imported {} catalog rows ({})", job.rowsImported(), job.status());
        } catch (java.io.IOException e) {
            log.warn("Demo mode: the demo catalog could not be read", e);
        }
    }
}
