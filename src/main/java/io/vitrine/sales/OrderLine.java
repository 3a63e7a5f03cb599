package io.vitrine.sales;

import io.vitrine.catalog.Money;
import org.jspecify.annotations.Nullable;

public record OrderLine(@Nullable String sku, String title, int quantity, Money unitPrice) {

    public Money total() {
        return new Money(Math.multiplyExact(unitPrice.amountMinor(), (long) quantity), unitPrice.currency());
    }
}
