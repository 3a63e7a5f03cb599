package io.vitrine.sales.internal;

import io.vitrine.shared.PublicEndpoints;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Order webhooks are called by shops, authenticated by their signature (no session, so no CSRF token); share links
 * are opened by anyone. Both are public on the security side and checked by the sales module itself.
 */
@Configuration(proxyBeanMethods = false)
class SalesSecurity {

    @Bean
    PublicEndpoints salesEndpoints() {
        return PublicEndpoints.paths("/api/v1/webhooks/**", "/s/**");
    }
}
