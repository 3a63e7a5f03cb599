package io.vitrine.scheduling.internal;

import io.vitrine.shared.PublicEndpoints;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The booking API is public: anybody may see free slots and book one with a name and an email address. It uses no
 * cookies, so it needs no CSRF token; what a booking may do is limited by the slot checks under the expert's lock.
 */
@Configuration(proxyBeanMethods = false)
class SchedulingSecurity {

    @Bean
    PublicEndpoints bookingEndpoints() {
        return PublicEndpoints.paths("/api/v1/book/**");
    }
}
