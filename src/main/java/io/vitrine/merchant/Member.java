package io.vitrine.merchant;

import java.time.Instant;
import java.util.UUID;

/** A team member as other modules see it: never with the password hash. */
public record Member(UUID id, UUID merchantId, String email, String displayName, String handle, String store,
        Role role, Presence presence, Instant idleSince) {}
