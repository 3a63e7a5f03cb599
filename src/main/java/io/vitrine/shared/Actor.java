package io.vitrine.shared;

import java.util.UUID;

/** Who is asking: a shopper through the widget, or a team member through the console. */
public sealed interface Actor {

    UUID merchantId();

    record Shopper(UUID shopperId, UUID merchantId) implements Actor {}

    record Staff(UUID memberId, UUID merchantId, boolean admin) implements Actor {}
}
