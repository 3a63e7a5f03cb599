package io.vitrine.sales.internal;

import io.vitrine.catalog.CatalogApi;
import io.vitrine.catalog.Product;
import io.vitrine.merchant.StaffPrincipal;
import io.vitrine.sales.Share;
import io.vitrine.shared.DomainException;
import io.vitrine.shared.SecretTokens;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Experts share products as links that count visits and attribute orders. An expert sees and revokes their own
 * shares; an admin sees and revokes all of the merchant's.
 */
@Service
public class ShareService {

    /** Where a share leads, and whether the visit counted. */
    public record Visit(URI location, boolean counted) {}

    private final Shares shares;
    private final CatalogApi catalog;
    private final Clock clock;

    ShareService(Shares shares, CatalogApi catalog, Clock clock) {
        this.shares = shares;
        this.catalog = catalog;
        this.clock = clock;
    }

    @Transactional
    public Share create(StaffPrincipal expert, UUID productId) {
        Product product = catalog.findById(expert.merchantId(), productId, null)
                .orElseThrow(() -> DomainException.notFound("The product"));
        if (product.url() == null || !isWebAddress(product.url())) {
            throw DomainException.conflict("product_without_page",
                    "This product has no page on the shop's site to lead to; add its URL to the catalog first.");
        }
        Share share = new Share(UUID.randomUUID(), expert.merchantId(), expert.memberId(), product.id(), product.title(),
                product.sku(), product.url(), SecretTokens.newToken(), 0, clock.instant(), null, null);
        shares.insert(share);
        return share;
    }

    public List<Share> list(StaffPrincipal caller, boolean all) {
        if (all && !caller.isAdmin()) {
            throw DomainException.forbidden("Only admins see the shares of the whole team.");
        }
        return shares.list(caller.merchantId(), all ? null : caller.memberId());
    }

    /** The caller's share; an admin may reach every share of the merchant, an expert only their own. */
    public Share require(StaffPrincipal caller, UUID shareId) {
        return shares.find(caller.merchantId(), shareId)
                .filter(share -> caller.isAdmin() || share.expertId().equals(caller.memberId()))
                .orElseThrow(() -> DomainException.notFound("The share"));
    }

    @Transactional
    public Share revoke(StaffPrincipal caller, UUID shareId) {
        Share share = require(caller, shareId);
        shares.revoke(share.id(), clock.instant());
        return require(caller, shareId);
    }

    /**
     * A visit of {@code /s/{token}}: a live share counts it and leads to the product page with UTM parameters and
     * the token; a revoked share leads to the product page without them; an unknown token leads nowhere.
     */
    @Transactional
    public Optional<Visit> visit(String token) {
        if (token.length() > 64) {
            return Optional.empty();
        }
        return shares.byToken(token).map(share -> {
            if (share.revoked() || !shares.countVisit(share.id(), clock.instant())) {
                return new Visit(UriComponentsBuilder.fromUriString(share.productUrl()).encode().build().toUri(), false);
            }
            return new Visit(tagged(share), true);
        });
    }

    private static URI tagged(Share share) {
        String campaign = share.productSku() != null ? share.productSku() : share.productId().toString();
        return UriComponentsBuilder.fromUriString(share.productUrl())
                .queryParam("utm_source", "vitrine").queryParam("utm_medium", "share")
                .queryParam("utm_campaign", campaign).queryParam("vitrine_share", share.token())
                .encode().build().toUri();
    }

    /**
     * Only http(s) pages, or a path on this Vitrine (the demo shop's products): a share must never lead to a script,
     * another scheme or, through "//host", to a site the catalog did not name.
     */
    private static boolean isWebAddress(String url) {
        if (url.startsWith("/")) {
            return !url.startsWith("//") && !url.contains("\\");
        }
        try {
            URI uri = URI.create(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
