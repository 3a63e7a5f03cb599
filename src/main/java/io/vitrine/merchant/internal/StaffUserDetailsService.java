package io.vitrine.merchant.internal;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

@Service
class StaffUserDetailsService implements UserDetailsService {

    private final TeamMembers members;

    StaffUserDetailsService(TeamMembers members) {
        this.members = members;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        return members.findPrincipalByEmail(email).orElseThrow(() -> new UsernameNotFoundException("Unknown email"));
    }
}
