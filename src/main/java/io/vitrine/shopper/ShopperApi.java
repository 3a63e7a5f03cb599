package io.vitrine.shopper;

import java.util.Optional;
import java.util.UUID;

public interface ShopperApi {

    /** The shopper holding this token, if any. */
    Optional<Shopper> authenticate(String token);

    Optional<Shopper> find(UUID shopperId);

    /** A shopper known only by a screen name, as a Guest joining through an invite link; no personal data. */
    NewShopper createGuest(UUID merchantId, String screenName);

    /**
     * A shopper who booked an appointment with their name and email, kept with their consent so the invitation and
     * reminders reach them.
     */
    NewShopper createBooker(UUID merchantId, String name, String email);

    /**
     * A new token for an existing shopper, for a link that signs them in (an appointment's link); the token they
     * held before stops working.
     */
    NewShopper renewToken(UUID shopperId);

    /** A new shopper and the token that identifies them; the token is shown once and stored hashed. */
    record NewShopper(String token, Shopper shopper) {}
}
