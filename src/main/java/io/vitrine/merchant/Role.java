package io.vitrine.merchant;

public enum Role { ADMIN, EXPERT }
