package io.vitrine.sales.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vitrine.catalog.Money;
import io.vitrine.sales.Buyer;
import io.vitrine.sales.NewOrder;
import io.vitrine.sales.OrderLine;
import io.vitrine.sales.OrderStatus;
import io.vitrine.shared.DomainException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OrderRulesUnitTest {

    private static final UUID MERCHANT = UUID.randomUUID();
    private static final Buyer BUYER = new Buyer("Ada Buyer", "ada@example.com", "1 Main St");

    @Test
    void shouldTotalTheLinesInTheirCurrency() {
        var order = NewOrder.checkout(MERCHANT, BUYER, List.of(line("Tee", 2, 1999, "EUR"), line("Cap", 1, 1500, "EUR")), null, null);

        assertThat(OrderRules.check(order)).isEqualTo(new Money(5498, "EUR"));
    }

    @Test
    void shouldRefuseEmptyMixedOrOddOrders() {
        assertRefused(NewOrder.checkout(MERCHANT, BUYER, List.of(), null, null), "lines");
        assertRefused(NewOrder.checkout(MERCHANT, BUYER, List.of(line("Tee", 1, 100, "EUR"), line("Cap", 1, 100, "USD")), null, null), "lines");
        assertRefused(NewOrder.checkout(MERCHANT, BUYER, List.of(line("Tee", 0, 100, "EUR")), null, null), "lines");
        assertRefused(NewOrder.checkout(MERCHANT, BUYER, List.of(line(" ", 1, 100, "EUR")), null, null), "lines");
        assertRefused(NewOrder.checkout(MERCHANT, new Buyer("Ada", "not-an-address", null), List.of(line("Tee", 1, 100, "EUR")), null, null), "buyer.email");
        assertRefused(NewOrder.checkout(MERCHANT, new Buyer(null, "ada@example.com", null), List.of(line("Tee", 1, 100, "EUR")), null, null), "buyer.name");
    }

    @Test
    void shouldLetOrdersMoveOnlyForward() {
        assertThat(OrderStatus.PLACED.canMoveTo(OrderStatus.PAID)).isTrue();
        assertThat(OrderStatus.PAID.canMoveTo(OrderStatus.REFUNDED)).isTrue();
        assertThat(OrderStatus.CANCELLED.canMoveTo(OrderStatus.PAID)).isFalse();
        assertThat(OrderStatus.PAID.canMoveTo(OrderStatus.PLACED)).isFalse();
    }

    private static void assertRefused(NewOrder order, String field) {
        assertThatThrownBy(() -> OrderRules.check(order)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }

    private static OrderLine line(String title, int quantity, long unitMinor, String currency) {
        return new OrderLine(null, title, quantity, new Money(unitMinor, currency));
    }
}
