package io.vitrine.sales.internal;

import io.vitrine.notifications.Channel;
import io.vitrine.notifications.Notification;
import io.vitrine.notifications.NotificationsApi;
import io.vitrine.notifications.Recipient;
import io.vitrine.notifications.RecipientDirectory;
import io.vitrine.sales.NewOrder;
import io.vitrine.sales.Order;
import io.vitrine.sales.OrderLine;
import io.vitrine.sales.OrderPlaced;
import io.vitrine.sales.OrderStatus;
import io.vitrine.sales.SalesApi;
import io.vitrine.shared.DomainException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Places orders (idempotent per shop order id), moves their status and answers reads scoped to one merchant. */
@Service
public class SalesService implements SalesApi, RecipientDirectory {

    private final Orders orders;
    private final Attributions attributions;
    private final NotificationsApi notifications;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SalesService(Orders orders, Attributions attributions, NotificationsApi notifications,
            ApplicationEventPublisher events, Clock clock) {
        this.orders = orders;
        this.attributions = attributions;
        this.notifications = notifications;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Order placeOrder(NewOrder order) {
        var total = OrderRules.check(order);
        if (order.externalId() != null) {
            Optional<Order> known = orders.findExternal(order.merchantId(), order.source(), order.externalId());
            if (known.isPresent()) {
                return follow(known.get(), order.status());
            }
        }
        Instant now = clock.instant();
        Order placed = new Order(UUID.randomUUID(), order.merchantId(), orders.nextNumber(order.merchantId()),
                order.source(), order.externalId(), order.status(), order.buyer(), order.lines(), total,
                attributions.of(order), now);
        try {
            orders.insert(placed, now);
        } catch (DuplicateKeyException e) {
            // Two requests took the same number or reported the same shop order at once: the caller retries.
            throw DomainException.conflict("order_conflict", "The order was placed at the same moment; please retry.");
        }
        confirm(placed);
        events.publishEvent(new OrderPlaced(placed.merchantId(), placed.id(), placed.number(), placed.source(),
                placed.total(), placed.attribution().dialogId(), placed.attribution().expertId()));
        return placed;
    }

    /** A shop reporting a known order again may move it on (paid, cancelled); anything else leaves it as it is. */
    private Order follow(Order known, OrderStatus reported) {
        if (reported == known.status() || !known.status().canMoveTo(reported)) {
            return known;
        }
        Order moved = known.moveTo(reported);
        orders.updateStatus(moved, clock.instant());
        return moved;
    }

    /** Admins move an order along, e.g. to PAID or CANCELLED; a move the order does not allow is a conflict. */
    @Transactional
    public Order changeStatus(UUID merchantId, UUID orderId, OrderStatus next) {
        Order moved = require(merchantId, orderId).moveTo(next);
        orders.updateStatus(moved, clock.instant());
        return moved;
    }

    private void confirm(Order order) {
        String email = order.buyer().email();
        if (email == null || email.isBlank()) {
            return;
        }
        String lines = order.lines().stream().map(SalesService::describe).collect(Collectors.joining("\n"));
        notifications.notify(Notification.of("order.placed", "Your order " + order.number() + " is confirmed",
                "Thank you for your order.\n\n" + lines + "\n\nTotal: " + order.total().decimal() + " "
                        + order.total().currency(), null, Channel.EMAIL),
                List.of(Recipient.buyer(order.merchantId(), order.id())));
    }

    private static String describe(OrderLine line) {
        return line.quantity() + " × " + line.title() + (line.sku() == null ? "" : " (" + line.sku() + ")") + " — "
                + line.total().decimal() + " " + line.total().currency();
    }

    @Override
    public Optional<Order> find(UUID merchantId, UUID orderId) {
        return orders.find(merchantId, orderId);
    }

    public Order require(UUID merchantId, UUID orderId) {
        return find(merchantId, orderId).orElseThrow(() -> DomainException.notFound("The order"));
    }

    @Override
    public List<Order> ofDialog(UUID merchantId, UUID dialogId) {
        return orders.ofDialog(merchantId, dialogId);
    }

    public List<Order> placedBetween(UUID merchantId, Instant from, Instant to, @Nullable UUID expertId, int limit) {
        return orders.placedBetween(merchantId, from, to, expertId, limit);
    }

    /** The buyer of an order, for its confirmation email. */
    @Override
    public Optional<Entry> find(Recipient recipient) {
        if (recipient.kind() != Recipient.Kind.BUYER) {
            return Optional.empty();
        }
        return orders.find(recipient.merchantId(), recipient.id())
                .filter(order -> order.buyer().email() != null && !order.buyer().email().isBlank())
                .map(order -> new Entry(order.buyer().name() == null ? order.buyer().email() : order.buyer().name(),
                        order.buyer().email().strip()));
    }
}
