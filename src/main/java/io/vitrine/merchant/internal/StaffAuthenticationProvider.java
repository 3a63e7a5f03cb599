package io.vitrine.merchant.internal;

import io.vitrine.merchant.Merchant;
import io.vitrine.merchant.StaffPrincipal;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Staff log in with email and password. An email address is unique only within a merchant, so the same person may
 * work for several shops; the password picks the account, and where it fits more than one, the shop has to be named.
 */
@Component
class StaffAuthenticationProvider implements AuthenticationProvider {

    private final TeamMembers members;
    private final Merchants merchants;
    private final PasswordEncoder passwords;
    /**
     * Checked against when the email is unknown, so that an unknown email takes as long as a wrong password. Made at
     * the first such login, not at start-up, where the hash's deliberate slowness would only delay the server.
     */
    private volatile @Nullable String unknownEmailHash;

    StaffAuthenticationProvider(TeamMembers members, Merchants merchants, PasswordEncoder passwords) {
        this.members = members;
        this.merchants = merchants;
        this.passwords = passwords;
    }

    /** Two first logins at once may both make it; either hash serves. */
    private String unknownEmailHash() {
        String hash = unknownEmailHash;
        if (hash == null) {
            hash = passwords.encode("no account has this password");
            unknownEmailHash = hash;
        }
        return hash;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String password = String.valueOf(attempt.getCredentials());
        List<StaffPrincipal> candidates = candidates(attempt.getName(), attempt.getDetails());
        if (candidates.isEmpty()) {
            passwords.matches(password, unknownEmailHash());
            throw new BadCredentialsException("Wrong email or password");
        }
        List<StaffPrincipal> matching = candidates.stream().filter(c -> passwords.matches(password, c.getPassword())).toList();
        if (matching.size() > 1) {
            throw new AmbiguousLogin();
        }
        if (matching.isEmpty()) {
            throw new BadCredentialsException("Wrong email or password");
        }
        StaffPrincipal principal = matching.getFirst();
        var authenticated = UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
        authenticated.setDetails(attempt.getDetails());
        return authenticated;
    }

    private List<StaffPrincipal> candidates(String email, Object details) {
        List<StaffPrincipal> all = members.findPrincipalsByEmail(email);
        String shop = details instanceof LoginDetails login ? login.shop() : null;
        if (shop == null) {
            return all;
        }
        UUID merchantId = merchants.findBySlug(shop).map(Merchant::id).orElse(null);
        return all.stream().filter(p -> p.merchantId().equals(merchantId)).toList();
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** The email and password fit accounts at several shops: the login form has to name the shop. */
    static final class AmbiguousLogin extends BadCredentialsException {
        AmbiguousLogin() {
            super("This email and password fit several shops");
        }
    }
}
