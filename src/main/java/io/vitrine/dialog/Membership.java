package io.vitrine.dialog;

import io.vitrine.shared.DialogRole;

import java.util.Set;

/**
 * The caller's place in one dialog: their participant id (none for staff looking on), their seat, whether they
 * are still present, and what they may do.
 */
public record Membership(String participantId, DialogRole role, boolean present, Set<Permission> permissions) {}
