package io.vitrine.merchant;

import java.util.UUID;

public record PresenceChanged(UUID merchantId, UUID memberId, Presence presence) {}
