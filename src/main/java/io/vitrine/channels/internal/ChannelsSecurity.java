package io.vitrine.channels.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Provider webhooks are called by Twilio and Meta, which hold no session and no CSRF token: each request proves itself
 * by its signature, checked in the handler. The demo provider (demo mode only) is called by the adapters themselves.
 */
@Configuration(proxyBeanMethods = false)
class ChannelsSecurity {

    @Bean
    @Order(1)
    SecurityFilterChain channelWebhooks(HttpSecurity http) throws Exception {
        return http
                .securityMatcher("/api/v1/channels/twilio/**", "/api/v1/channels/whatsapp/**", ProviderEndpoints.DEMO_TWILIO + "/**",
                        ProviderEndpoints.DEMO_META + "/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .build();
    }
}
