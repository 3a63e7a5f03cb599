package io.vitrine.inquiries.internal;

import io.vitrine.shared.PublicEndpoints;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The request page's API is public: anybody may send a merchant a request. It uses no cookies, so it needs no CSRF
 * token; abuse is limited per address (RequestRateLimit), by a honeypot field and by capped lengths.
 */
@Configuration(proxyBeanMethods = false)
class InquiriesSecurity {

    @Bean
    @Order(1)
    SecurityFilterChain requestSide(HttpSecurity http) throws Exception {
        return PublicEndpoints.chain(http, "/api/v1/requests/**");
    }
}
