package io.vitrine.merchant;

import java.util.UUID;

public record Merchant(UUID id, String slug, String name, MerchantSettings settings) {}
