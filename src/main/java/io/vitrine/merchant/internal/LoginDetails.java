package io.vitrine.merchant.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** The login form's optional shop (merchant slug), for people whose email is used at several shops. */
final class LoginDetails extends WebAuthenticationDetails {

    private final String shop;

    LoginDetails(HttpServletRequest request) {
        super(request);
        String value = request.getParameter("shop");
        this.shop = value == null || value.isBlank() ? null : value.strip().toLowerCase(java.util.Locale.ROOT);
    }

    String shop() {
        return shop;
    }
}
