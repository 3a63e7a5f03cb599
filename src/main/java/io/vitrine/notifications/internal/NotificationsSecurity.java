package io.vitrine.notifications.internal;

import io.vitrine.shared.PublicEndpoints;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

/**
 * The parts of the notification API that do not use the staff session: the VAPID public key, unsubscribe links
 * (opened from an email, and posted by mail clients without any login, RFC 8058), and the shopper's own notices,
 * preferences and push subscriptions, authenticated by the shopper token. Bearer tokens are not sent by browsers on
 * their own, so these need no CSRF token. Session requests to the same paths stay with the staff chain.
 */
@Configuration(proxyBeanMethods = false)
class NotificationsSecurity {

    private static final RequestMatcher PUBLIC = new OrRequestMatcher(
            pathPattern("/api/v1/push/vapid-public-key"),
            pathPattern("/api/v1/notifications/unsubscribe/{token}"));

    private static final RequestMatcher SHOPPER_PATHS = new OrRequestMatcher(
            pathPattern("/api/v1/notices"), pathPattern("/api/v1/notices/**"),
            pathPattern("/api/v1/notification-preferences"),
            pathPattern("/api/v1/push/subscriptions"), pathPattern("/api/v1/push/subscriptions/**"));

    @Bean
    PublicEndpoints notificationsEndpoints() {
        return new PublicEndpoints(request ->
                PUBLIC.matches(request) || (SHOPPER_PATHS.matches(request) && bearer(request)));
    }

    private static boolean bearer(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        return header != null && header.startsWith("Bearer ");
    }
}
