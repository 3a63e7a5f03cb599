package io.vitrine.merchant;

import io.vitrine.shared.DomainException;
import java.util.Optional;
import java.util.UUID;

/** Merchants as other modules see them. */
public interface MerchantApi {

    Optional<Merchant> findBySlug(String slug);

    Merchant get(UUID merchantId);

    default Merchant requireBySlug(String slug) {
        return findBySlug(slug).orElseThrow(() -> DomainException.notFound("Merchant '" + slug + "'"));
    }

    Merchant create(String slug, String name, MerchantSettings settings);
}
