package io.vitrine.inquiries.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
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
        return http
                .securityMatcher("/api/v1/requests/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .build();
    }
}
