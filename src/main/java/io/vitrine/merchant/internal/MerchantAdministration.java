package io.vitrine.merchant.internal;

import io.vitrine.merchant.Merchant;
import io.vitrine.merchant.MerchantApi;
import io.vitrine.merchant.MerchantSettings;
import io.vitrine.merchant.StaffPrincipal;
import io.vitrine.shared.DomainException;
import io.vitrine.shared.VitrineProperties;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class MerchantAdministration implements MerchantApi {

    private final Merchants merchants;
    private final VitrineProperties properties;

    MerchantAdministration(Merchants merchants, VitrineProperties properties) {
        this.merchants = merchants;
        this.properties = properties;
    }

    @Override
    public Optional<Merchant> findBySlug(String slug) {
        return merchants.findBySlug(slug);
    }

    @Override
    public Merchant get(UUID merchantId) {
        return merchants.findById(merchantId).orElseThrow(() -> DomainException.notFound("Merchant"));
    }

    @Override
    @Transactional
    public Merchant create(String slug, String name, MerchantSettings settings) {
        if (!slug.matches("[a-z0-9][a-z0-9-]{1,63}")) {
            throw DomainException.invalid("A merchant slug has 2 to 64 characters: a-z, 0-9 and '-'.");
        }
        if (merchants.findBySlug(slug).isPresent()) {
            throw DomainException.conflict("slug_taken", "A merchant with the slug '" + slug + "' already exists.");
        }
        return merchants.create(slug, name, settings);
    }

    @Transactional
    public Merchant updateSettings(StaffPrincipal admin, MerchantSettings settings) {
        requireAdmin(admin);
        if (settings.collectPersonalData() && settings.personalDataFields().isEmpty()) {
            throw DomainException.invalid("Choose at least one personal data field to collect, or switch collection off.");
        }
        String privacyUrl = settings.privacyPolicyUrl();
        if (privacyUrl != null && !properties.demo() && !privacyUrl.startsWith("https://")) {
            // http and paths on this site only serve the demo shop; a real shop's policy lives on its own https site.
            throw DomainException.invalidField("privacyPolicyUrl", MerchantSettings.PRIVACY_URL_MESSAGE);
        }
        merchants.updateSettings(admin.merchantId(), settings);
        return get(admin.merchantId());
    }

    public static void requireAdmin(StaffPrincipal principal) {
        if (!principal.isAdmin()) {
            throw DomainException.forbidden("Only an admin of the merchant may do this.");
        }
    }
}
