package io.vitrine.checkout;

import io.vitrine.catalog.Money;
import java.util.UUID;

/** The placed order as the Host sees it: its number for the merchant, and the total. */
public record CheckoutConfirmation(UUID orderId, long number, Money total, String email) {}
