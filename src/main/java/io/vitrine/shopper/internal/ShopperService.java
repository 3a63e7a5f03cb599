package io.vitrine.shopper.internal;

import io.vitrine.merchant.Merchant;
import io.vitrine.merchant.MerchantApi;
import io.vitrine.merchant.MerchantSettings;
import io.vitrine.shared.DomainException;
import io.vitrine.shared.SecretTokens;
import io.vitrine.shopper.Shopper;
import io.vitrine.shopper.ShopperApi;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class ShopperService implements ShopperApi {

    private final Shoppers shoppers;
    private final MerchantApi merchants;
    private final Clock clock;
    private final Duration tokenTtl;

    ShopperService(Shoppers shoppers, MerchantApi merchants, Clock clock, ShopperProperties properties) {
        this.shoppers = shoppers;
        this.merchants = merchants;
        this.clock = clock;
        this.tokenTtl = properties.tokenTtl();
    }

    @Override
    @Transactional
    public Optional<Shopper> authenticate(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        Instant now = Instant.now(clock);
        return shoppers.useToken(SecretTokens.hash(token), tokenTtl, now);
    }

    /** "Forget this browser": the shopper's token stops working at once, here and in every other tab. */
    @Transactional
    public void forget(Shopper shopper) {
        shoppers.replaceTokenHash(shopper.id(), SecretTokens.hash(SecretTokens.newToken()));
    }

    @Override
    @Transactional
    public NewShopper renewToken(UUID shopperId) {
        Shopper shopper = shoppers.findById(shopperId).orElseThrow(() -> DomainException.notFound("Shopper"));
        String token = SecretTokens.newToken();
        shoppers.renewToken(shopperId, SecretTokens.hash(token), Instant.now(clock));
        return new NewShopper(token, shopper);
    }

    @Override
    public Optional<Shopper> find(UUID shopperId) {
        return shoppers.findById(shopperId);
    }

    public record Created(String token, Shopper shopper) {}

    @Override
    @Transactional
    public NewShopper createGuest(UUID merchantId, String screenName) {
        Shopper shopper = new Shopper(UUID.randomUUID(), merchantId, screenName.strip(), null, null, null);
        String token = SecretTokens.newToken();
        Instant now = Instant.now(clock);
        shoppers.insert(shopper, SecretTokens.hash(token), null, now);
        return new NewShopper(token, shopper);
    }

    @Override
    @Transactional
    public NewShopper createBooker(UUID merchantId, String name, String email) {
        String fullName = name.strip();
        Shopper shopper = new Shopper(UUID.randomUUID(), merchantId, fullName, fullName, email.strip(), null);
        String token = SecretTokens.newToken();
        Instant now = Instant.now(clock);
        shoppers.insert(shopper, SecretTokens.hash(token), now, now);
        return new NewShopper(token, shopper);
    }

    @Transactional
    public Created create(String merchantSlug, ShopperProfile profile) {
        Merchant merchant = merchants.requireBySlug(merchantSlug);
        Shopper shopper = toShopper(UUID.randomUUID(), merchant, profile);
        String token = SecretTokens.newToken();
        Instant now = Instant.now(clock);
        shoppers.insert(shopper, SecretTokens.hash(token), profile.consented() ? now : null, now);
        return new Created(token, shopper);
    }

    @Transactional
    public Shopper update(Shopper current, ShopperProfile profile) {
        Merchant merchant = merchants.get(current.merchantId());
        Shopper updated = toShopper(current.id(), merchant, profile);
        shoppers.update(updated, profile.consented() ? Instant.now(clock) : null);
        return updated;
    }

    /** Keeps only the personal data the merchant collects, and only with consent. */
    private static Shopper toShopper(UUID id, Merchant merchant, ShopperProfile p) {
        MerchantSettings settings = merchant.settings();
        if (!settings.collectPersonalData()) {
            return new Shopper(id, merchant.id(), p.screenName().strip(), null, null, null);
        }
        List<String> fields = settings.personalDataFields();
        List<String> missing = new ArrayList<>();
        String name = fields.contains("name") ? required(p.name(), "name", missing) : null;
        String email = fields.contains("email") ? required(p.email(), "email", missing) : null;
        String phone = fields.contains("phone") ? required(p.phone(), "phone", missing) : null;
        if (!missing.isEmpty()) {
            throw DomainException.invalid("Please fill in: " + String.join(", ", missing) + ".");
        }
        if (!p.consented()) {
            throw DomainException.invalid("Please agree to the processing of your personal data to continue.");
        }
        return new Shopper(id, merchant.id(), p.screenName().strip(), name, email, phone);
    }

    private static String required(String value, String field, List<String> missing) {
        if (value == null || value.isBlank()) {
            missing.add(field);
            return null;
        }
        return value.strip();
    }
}
