package io.vitrine.shopper;

import java.util.Optional;
import java.util.UUID;

public interface ShopperApi {

    /** The shopper holding this token, if any. */
    Optional<Shopper> authenticate(String token);

    Optional<Shopper> find(UUID shopperId);
}
