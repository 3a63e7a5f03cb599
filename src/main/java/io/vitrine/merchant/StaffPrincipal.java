package io.vitrine.merchant;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The logged-in team member. Everything a staff request may touch is scoped by {@link #merchantId()}. */
public final class StaffPrincipal implements UserDetails, CredentialsContainer {

    // Stored in the database with the login session: a fixed version lets sessions outlive a redeploy.
    private static final long serialVersionUID = 1L;

    private final UUID memberId;
    private final UUID merchantId;
    private final String email;
    private final String displayName;
    private final Role role;
    private String passwordHash;

    public StaffPrincipal(UUID memberId, UUID merchantId, String email, String displayName, Role role, String passwordHash) {
        this.memberId = memberId;
        this.merchantId = merchantId;
        this.email = email;
        this.displayName = displayName;
        this.role = role;
        this.passwordHash = passwordHash;
    }

    public UUID memberId() { return memberId; }

    public UUID merchantId() { return merchantId; }

    public String displayName() { return displayName; }

    public Role role() { return role; }

    public boolean isAdmin() { return role == Role.ADMIN; }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
    }

    @Override
    public String getPassword() { return passwordHash; }

    @Override
    public String getUsername() { return email; }

    @Override
    public void eraseCredentials() { passwordHash = null; }
}
