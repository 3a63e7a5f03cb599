package io.vitrine.shared;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The filter chain of endpoints that need no login: each request proves itself (a provider's signature, an
 * unguessable token in its path, a shopper's bearer token) or may come from anybody, and the module that owns the
 * endpoint checks that itself. No session is made and none is read, so there is nothing for a CSRF token to protect.
 * Modules declare such a chain as an {@code @Order(1)} bean, ahead of the staff chain.
 */
public final class PublicEndpoints {

    private PublicEndpoints() {
    }

    public static SecurityFilterChain chain(HttpSecurity http, String... pathPatterns) throws Exception {
        return open(http.securityMatcher(pathPatterns));
    }

    public static SecurityFilterChain chain(HttpSecurity http, RequestMatcher requests) throws Exception {
        return open(http.securityMatcher(requests));
    }

    private static SecurityFilterChain open(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .build();
    }
}
