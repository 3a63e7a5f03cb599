package io.vitrine.merchant.internal;

import io.vitrine.shared.PublicEndpoints;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

/**
 * Two worlds: the shopper side (embed script, widget, widget API) is public, token-based and may be
 * framed by any merchant site; the staff side uses a login session with CSRF protection.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(SecurityConfiguration.class);

    private static final String PROBLEM_401 = """
            {"type":"about:blank","title":"Unauthorized","status":401,"code":"unauthenticated",\
            "detail":"Log in first: this endpoint needs a staff session."}""";
    private static final String PROBLEM_403 = """
            {"type":"about:blank","title":"Forbidden","status":403,"code":"forbidden",\
            "detail":"You may not do this; or the CSRF token (X-XSRF-TOKEN header) is missing."}""";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * Instance-wide endpoints (metrics) belong to the operator, not to any merchant's admin: HTTP Basic with the
     * credential from {@code vitrine.operator}; without one configured they are closed. Health stays public.
     */
    @Bean
    @Order(0)
    SecurityFilterChain operatorSide(HttpSecurity http, MerchantProperties properties, PasswordEncoder encoder)
            throws Exception {
        MerchantProperties.Operator operator = properties.operator();
        var users = new InMemoryUserDetailsManager();
        if (operator.configured()) {
            users.createUser(User.withUsername(operator.username()).password(encoder.encode(operator.password()))
                    .roles("OPERATOR").build());
        }
        var provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(encoder);
        return http
                .securityMatcher("/actuator/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.GET, "/actuator/health/**", "/actuator/health").permitAll()
                        .anyRequest().hasRole("OPERATOR"))
                .authenticationManager(new ProviderManager(provider))
                .httpBasic(basic -> basic.realmName("Vitrine operator"))
                .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .build();
    }

    /** Every module's endpoints that need no login ({@link PublicEndpoints}). */
    @Bean
    @Order(1)
    SecurityFilterChain publicSide(HttpSecurity http, List<PublicEndpoints> endpoints) throws Exception {
        return PublicEndpoints.chain(http, endpoints);
    }

    /** The shopper side: framed on merchant sites, authenticated by the shopper token in each request. */
    @Bean
    @Order(1)
    SecurityFilterChain shopperSide(HttpSecurity http) throws Exception {
        var cors = new CorsConfiguration();
        cors.setAllowedOriginPatterns(List.of("*"));
        cors.setAllowedMethods(List.of("GET", "POST", "PATCH"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type"));
        var corsSource = new UrlBasedCorsConfigurationSource();
        corsSource.registerCorsConfiguration("/api/v1/widget/**", cors);
        corsSource.registerCorsConfiguration("/embed.js", cors);
        return http
                .securityMatcher("/embed.js", "/widget/**", "/join/**", "/api/v1/widget/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .cors(c -> c.configurationSource(corsSource))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(h -> h.frameOptions(f -> f.disable()))
                .requestCache(c -> c.disable())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain staffSide(HttpSecurity http, LoginThrottle throttle, StaffAuthenticationProvider staff)
            throws Exception {
        RequestMatcher api = pathPattern("/api/**");
        return http
                .authenticationManager(new ProviderManager(staff))
                .addFilterBefore(new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/console", "/admin", "/admin/catalog").authenticated()
                        .requestMatchers("/api/**").authenticated()
                        .anyRequest().permitAll())
                .formLogin(form -> form.loginPage("/login").permitAll().authenticationDetailsSource(LoginDetails::new)
                        .successHandler(loginSucceeded(throttle)).failureHandler(loginFailed(throttle)))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .csrf(csrf -> csrf.spa())
                .addFilterAfter(new CsrfCookieFilter(), BasicAuthenticationFilter.class)
                .exceptionHandling(e -> e
                        .defaultAuthenticationEntryPointFor(problem(HttpServletResponse.SC_UNAUTHORIZED, PROBLEM_401), api)
                        .defaultAccessDeniedHandlerFor((request, response, denied) ->
                                writeProblem(response, HttpServletResponse.SC_FORBIDDEN, PROBLEM_403), api))
                .build();
    }

    private static AuthenticationSuccessHandler loginSucceeded(LoginThrottle throttle) {
        var toConsole = new SavedRequestAwareAuthenticationSuccessHandler();
        toConsole.setDefaultTargetUrl("/console");
        return (request, response, authentication) -> {
            throttle.succeeded(request.getParameter("username"));
            toConsole.onAuthenticationSuccess(request, response, authentication);
        };
    }

    private static AuthenticationFailureHandler loginFailed(LoginThrottle throttle) {
        var toLogin = new SimpleUrlAuthenticationFailureHandler("/login?error");
        var toShop = new SimpleUrlAuthenticationFailureHandler("/login?shop");
        return (request, response, exception) -> {
            if (exception instanceof StaffAuthenticationProvider.AmbiguousLogin) {
                toShop.onAuthenticationFailure(request, response, exception);
                return;
            }
            String account = request.getParameter("username");
            Duration wait = throttle.failed(account, request.getRemoteAddr());
            if (wait.isPositive()) {
                LOG.warn("Failed login for account '{}' from {}: further attempts must wait {} s",
                        LogSafe.of(account), request.getRemoteAddr(), Math.max(1, wait.toSeconds()));
            }
            toLogin.onAuthenticationFailure(request, response, exception);
        };
    }

    private static AuthenticationEntryPoint problem(int status, String body) {
        return (request, response, e) -> writeProblem(response, status, body);
    }

    private static void writeProblem(HttpServletResponse response, int status, String body) throws java.io.IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write(body);
    }
}
