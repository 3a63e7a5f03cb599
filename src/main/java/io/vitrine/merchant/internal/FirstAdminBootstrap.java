package io.vitrine.merchant.internal;

import io.vitrine.merchant.Merchant;
import io.vitrine.merchant.MerchantApi;
import io.vitrine.merchant.MerchantSettings;
import io.vitrine.merchant.Role;
import io.vitrine.merchant.TeamApi;
import io.vitrine.shared.VitrineProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Production start: on an empty database, {@code vitrine.bootstrap.*} creates the first merchant and its admin.
 * Once a merchant exists, the settings are ignored, so leaving them set is harmless.
 */
@Component
class FirstAdminBootstrap {

    private static final Logger log = LoggerFactory.getLogger(FirstAdminBootstrap.class);

    private final Merchants merchants;
    private final MerchantApi merchantApi;
    private final TeamApi team;
    private final VitrineProperties properties;
    private final MerchantProperties.Bootstrap bootstrap;

    FirstAdminBootstrap(Merchants merchants, MerchantApi merchantApi, TeamApi team, VitrineProperties properties,
            MerchantProperties settings) {
        this.merchants = merchants;
        this.merchantApi = merchantApi;
        this.team = team;
        this.properties = properties;
        this.bootstrap = settings.bootstrap();
    }

    @Order(0)
    @EventListener(ApplicationReadyEvent.class)
    void createFirstAdmin() {
        if (!merchants.isEmpty()) {
            return;
        }
        if (!bootstrap.requested()) {
            if (!properties.demo()) {
                log.warn("No merchant exists yet. Create the first one by starting once with VITRINE_BOOTSTRAP_MERCHANT_SLUG, "
                        + "VITRINE_BOOTSTRAP_MERCHANT_NAME, VITRINE_BOOTSTRAP_ADMIN_EMAIL and VITRINE_BOOTSTRAP_ADMIN_PASSWORD set.");
            }
            return;
        }
        if (bootstrap.adminPassword() == null || bootstrap.adminPassword().length() < 12) {
            throw new IllegalStateException("vitrine.bootstrap.admin-password must have at least 12 characters.");
        }
        String slug = bootstrap.merchantSlug() == null ? "main" : bootstrap.merchantSlug();
        String name = bootstrap.merchantName() == null ? slug : bootstrap.merchantName();
        Merchant merchant = merchantApi.create(slug, name, MerchantSettings.defaults());
        team.addMember(merchant.id(), new TeamApi.NewMember(bootstrap.adminEmail(), "Administrator",
                bootstrap.adminPassword(), Role.ADMIN, null, null));
        log.info("Created merchant '{}' with the admin {}", slug, bootstrap.adminEmail());
    }
}
