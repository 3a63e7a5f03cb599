package io.vitrine.sales.internal;

import io.vitrine.shared.PublicEndpoints;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Order webhooks are called by shops, authenticated by their signature (no session, so no CSRF token); share links
 * are opened by anyone. Both are public on the security side and checked by the sales module itself.
 */
@Configuration(proxyBeanMethods = false)
class SalesSecurity {

    @Bean
    @Order(1)
    SecurityFilterChain salesPublicSide(HttpSecurity http) throws Exception {
        return PublicEndpoints.chain(http, "/api/v1/webhooks/**", "/s/**");
    }
}
