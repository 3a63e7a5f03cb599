package io.vitrine.sales;

import org.jspecify.annotations.Nullable;

/** The buyer's personal data: shown to admins only, never to experts. */
public record Buyer(@Nullable String name, @Nullable String email, @Nullable String address) {}
