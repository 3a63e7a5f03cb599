package io.vitrine.merchant.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a login attempt that comes too soon after failed ones, without checking its password: 429 with
 * Retry-After, and the login page saying how long to wait.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

    static final String RETRY_AFTER = "vitrine.login.retryAfter";
    private static final Logger LOG = LoggerFactory.getLogger(LoginThrottleFilter.class);

    private final LoginThrottle throttle;

    LoginThrottleFilter(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String account = request.getParameter("username");
        Optional<Duration> wait = throttle.waitFor(account, request.getRemoteAddr());
        if (wait.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
        LOG.warn("Login refused for account '{}' from {}: too many failed attempts, next try in {} s",
                LogSafe.of(account), request.getRemoteAddr(), seconds);
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader("Retry-After", Long.toString(seconds));
        request.setAttribute(RETRY_AFTER, seconds);
        request.getRequestDispatcher("/login/throttled").forward(request, response);
    }
}
