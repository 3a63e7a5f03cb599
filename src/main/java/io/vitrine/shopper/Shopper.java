package io.vitrine.shopper;

import java.util.UUID;

/** A shopper of one merchant. Email and phone never leave the shopper module towards experts. */
public record Shopper(UUID id, UUID merchantId, String screenName, String fullName, String email, String phone) {}
