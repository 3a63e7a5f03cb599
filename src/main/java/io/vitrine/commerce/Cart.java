package io.vitrine.commerce;

import io.vitrine.catalog.Money;
import java.util.List;
import java.util.UUID;

/** The Host's cart in one dialog: its lines, and a total per currency (a cart may mix currencies). */
public record Cart(UUID dialogId, List<CartLine> lines, List<Money> totals) {}
