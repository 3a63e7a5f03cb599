package io.vitrine.shared;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A Content-Security-Policy on every response: scripts only from Vitrine itself or inline with this request's nonce
 * (request attribute {@value #NONCE}, for {@code <script th:attr="nonce=${cspNonce}">}, import maps included), and
 * no framing except for the widget page, which {@link #allowFraming} opens to the merchant's sites. Pages whose
 * address carries a secret (invite links) send no Referer.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class SecurityHeaders extends OncePerRequestFilter {

    /** The request attribute (and Thymeleaf variable) holding this request's script nonce. */
    public static final String NONCE = "cspNonce";

    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (response.containsHeader("Content-Security-Policy")) {
            // An error page rendered for a request that already has its headers (a page's own, e.g. a widget's).
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("Content-Security-Policy", policy(nonce(request), "'none'"));
        String path = request.getDispatcherType() == DispatcherType.ERROR
                ? String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI))
                : request.getRequestURI();
        path = path.substring(Math.min(path.length(), request.getContextPath().length()));
        boolean secretInAddress = path.startsWith("/join/") || path.startsWith("/r/") || path.startsWith("/widget/");
        response.setHeader("Referrer-Policy", secretInAddress ? "no-referrer" : "strict-origin-when-cross-origin");
        chain.doFilter(request, response);
    }

    /** Error pages are rendered in a dispatch of their own; they keep the same policy and nonce. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    /** Lets the sites given (CSP sources; none means any site) show this response in a frame. */
    public static void allowFraming(HttpServletRequest request, HttpServletResponse response, List<String> sites) {
        String ancestors = sites.isEmpty() ? "*" : String.join(" ", sites);
        response.setHeader("Content-Security-Policy", policy(nonce(request), ancestors));
    }

    private static String nonce(HttpServletRequest request) {
        if (request.getAttribute(NONCE) instanceof String existing) {
            return existing;
        }
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String nonce = Base64.getEncoder().encodeToString(bytes);
        request.setAttribute(NONCE, nonce);
        return nonce;
    }

    /**
     * Styles may be inline: the pages and embed.js set style attributes and the demo shop has a style element; an
     * injected style cannot run code. Media and images may come from blob: and data: (camera streams, avatars).
     */
    private static String policy(String nonce, String frameAncestors) {
        return "default-src 'self'; script-src 'self' 'nonce-" + nonce + "'; style-src 'self' 'unsafe-inline'; "
                + "img-src 'self' data: blob:; media-src 'self' blob:; connect-src 'self'; font-src 'self'; "
                + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-src 'self'; "
                + "frame-ancestors " + frameAncestors;
    }
}
