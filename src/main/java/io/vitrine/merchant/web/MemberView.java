package io.vitrine.merchant.web;

import io.vitrine.merchant.Member;
import io.vitrine.merchant.Presence;
import io.vitrine.merchant.Role;
import java.util.UUID;

record MemberView(UUID id, String email, String displayName, String handle, String store, Role role, Presence presence) {

    static MemberView of(Member m) {
        return new MemberView(m.id(), m.email(), m.displayName(), m.handle(), m.store(), m.role(), m.presence());
    }
}
