package io.vitrine.sales.internal;

import io.vitrine.catalog.Money;
import io.vitrine.sales.Attribution;
import io.vitrine.sales.Buyer;
import io.vitrine.sales.Order;
import io.vitrine.sales.OrderLine;
import io.vitrine.sales.OrderSource;
import io.vitrine.sales.OrderStatus;
import io.vitrine.shared.Db;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static io.vitrine.shared.Db.ts;

/** Orders and their lines; every read is scoped to one merchant. */
@Repository
class Orders {

    private static final String COLUMNS = """
            select id, merchant_id, number, source, external_id, status, buyer_name, buyer_email, buyer_address,
                   currency, total_minor, dialog_id, expert_id, share_id, store, placed_at from sales_order""";

    private final JdbcClient jdbc;

    Orders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The next human order number of the merchant; the unique index settles a race (the caller retries). */
    long nextNumber(UUID merchantId) {
        return jdbc.sql("select coalesce(max(number), 0) + 1 from sales_order where merchant_id = ?")
                .param(merchantId).query(Long.class).single();
    }

    void insert(Order order, Instant now) {
        var a = order.attribution();
        var b = order.buyer();
        jdbc.sql("""
                insert into sales_order (id, merchant_id, number, source, external_id, status, buyer_name, buyer_email,
                    buyer_address, currency, total_minor, dialog_id, expert_id, share_id, store, placed_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(order.id(), order.merchantId(), order.number(), order.source().name(), order.externalId(),
                        order.status().name(), b.name(), b.email(), b.address(), order.total().currency(),
                        order.total().amountMinor(), a.dialogId(), a.expertId(), a.shareId(), a.store(),
                        ts(order.placedAt()), ts(now))
                .update();
        int position = 0;
        for (OrderLine line : order.lines()) {
            jdbc.sql("insert into sales_order_line (order_id, position, sku, title, quantity, unit_minor) values (?, ?, ?, ?, ?, ?)")
                    .params(order.id(), position++, line.sku(), line.title(), line.quantity(), line.unitPrice().amountMinor())
                    .update();
        }
    }

    void updateStatus(Order order, Instant now) {
        jdbc.sql("update sales_order set status = ?, updated_at = ? where id = ? and merchant_id = ?")
                .params(order.status().name(), ts(now), order.id(), order.merchantId()).update();
    }

    Optional<Order> find(UUID merchantId, UUID id) {
        return withLines(jdbc.sql(COLUMNS + " where merchant_id = ? and id = ?").params(merchantId, id)
                .query(Orders::row).list()).stream().findFirst();
    }

    Optional<Order> findExternal(UUID merchantId, OrderSource source, String externalId) {
        return withLines(jdbc.sql(COLUMNS + " where merchant_id = ? and source = ? and external_id = ?")
                .params(merchantId, source.name(), externalId).query(Orders::row).list()).stream().findFirst();
    }

    List<Order> ofDialog(UUID merchantId, UUID dialogId) {
        return withLines(jdbc.sql(COLUMNS + " where merchant_id = ? and dialog_id = ? order by placed_at, number")
                .params(merchantId, dialogId).query(Orders::row).list());
    }

    /** Orders placed in {@code [from, to)}, newest first; only the expert's when {@code expertId} is given. */
    List<Order> placedBetween(UUID merchantId, Instant from, Instant to, @Nullable UUID expertId, int limit) {
        String sql = COLUMNS + " where merchant_id = :merchant and placed_at >= :from and placed_at < :to"
                + (expertId == null ? "" : " and expert_id = :expert") + " order by placed_at desc, number desc limit :limit";
        var spec = jdbc.sql(sql).param("merchant", merchantId).param("from", ts(from)).param("to", ts(to))
                .param("limit", limit);
        if (expertId != null) {
            spec = spec.param("expert", expertId);
        }
        return withLines(spec.query(Orders::row).list());
    }

    private List<Order> withLines(List<Order> orders) {
        if (orders.isEmpty()) {
            return orders;
        }
        Map<UUID, List<OrderLine>> lines = new LinkedHashMap<>();
        orders.forEach(order -> lines.put(order.id(), new ArrayList<>()));
        Map<UUID, String> currencies = new LinkedHashMap<>();
        orders.forEach(order -> currencies.put(order.id(), order.total().currency()));
        jdbc.sql("select order_id, sku, title, quantity, unit_minor from sales_order_line where order_id in (:ids) order by order_id, position")
                .param("ids", List.copyOf(lines.keySet()))
                .query((ResultSet rs) -> {
                    UUID orderId = rs.getObject("order_id", UUID.class);
                    lines.get(orderId).add(new OrderLine(rs.getString("sku"), rs.getString("title"), rs.getInt("quantity"),
                            new Money(rs.getLong("unit_minor"), currencies.get(orderId))));
                });
        return orders.stream().map(o -> new Order(o.id(), o.merchantId(), o.number(), o.source(), o.externalId(),
                o.status(), o.buyer(), List.copyOf(lines.get(o.id())), o.total(), o.attribution(), o.placedAt())).toList();
    }

    private static Order row(ResultSet rs, int n) throws SQLException {
        return new Order(rs.getObject("id", UUID.class), rs.getObject("merchant_id", UUID.class), rs.getLong("number"),
                OrderSource.valueOf(rs.getString("source")), rs.getString("external_id"),
                OrderStatus.valueOf(rs.getString("status")),
                new Buyer(rs.getString("buyer_name"), rs.getString("buyer_email"), rs.getString("buyer_address")),
                List.of(), new Money(rs.getLong("total_minor"), rs.getString("currency")),
                new Attribution(rs.getObject("dialog_id", UUID.class), rs.getObject("expert_id", UUID.class),
                        rs.getObject("share_id", UUID.class), rs.getString("store")),
                Db.instant(rs, "placed_at"));
    }
}
