package io.vitrine.shared;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

import java.util.Arrays;
import java.util.List;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Endpoints that need no login: each request proves itself (a provider's signature, an unguessable token in its
 * path, a shopper's bearer token) or may come from anybody, and the module that owns the endpoint checks that itself.
 * A module declares its own as a bean; all of them share one filter chain ({@link #chain}), ahead of the staff chain,
 * in which no session is made and none is read, so there is nothing for a CSRF token to protect.
 *
 * @param requests the requests this module serves without a login
 */
public record PublicEndpoints(RequestMatcher requests) {

    /** Requests whose path matches one of these patterns ({@code /api/v1/book/**}). */
    public static PublicEndpoints paths(String... pathPatterns) {
        return new PublicEndpoints(new OrRequestMatcher(
                Arrays.stream(pathPatterns).<RequestMatcher>map(pattern -> pathPattern(pattern)).toList()));
    }

    /** The one chain for every module's public endpoints (one chain, not one per module: each costs at start). */
    public static SecurityFilterChain chain(HttpSecurity http, List<PublicEndpoints> endpoints) throws Exception {
        RequestMatcher any = endpoints.isEmpty() ? request -> false
                : new OrRequestMatcher(endpoints.stream().map(PublicEndpoints::requests).toList());
        return http
                .securityMatcher(any)
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .build();
    }
}
