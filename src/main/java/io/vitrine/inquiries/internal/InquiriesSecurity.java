package io.vitrine.inquiries.internal;

import io.vitrine.shared.PublicEndpoints;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The request page's API is public: anybody may send a merchant a request. It uses no cookies, so it needs no CSRF
 * token; abuse is limited per address (RequestRateLimit), by a honeypot field and by capped lengths.
 */
@Configuration(proxyBeanMethods = false)
class InquiriesSecurity {

    @Bean
    PublicEndpoints requestEndpoints() {
        return PublicEndpoints.paths("/api/v1/requests/**");
    }
}
