package io.vitrine.dialog;

import java.util.List;
import java.util.UUID;

/**
 * Who takes part in a dialog, for modules that notify them (scheduling): the expert, the Host and every customer
 * who ever joined, by identity; with the caller's own seat.
 */
public record DialogParty(UUID dialogId, UUID merchantId, DialogStatus status, UUID expertId, UUID hostShopperId,
        List<UUID> customerShopperIds, Membership caller) {

    public DialogParty {
        customerShopperIds = List.copyOf(customerShopperIds);
    }
}
