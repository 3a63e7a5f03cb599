package io.vitrine.commerce.internal;

import io.vitrine.catalog.Money;
import io.vitrine.commerce.CartLine;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import static io.vitrine.shared.Db.ts;

/** The lines of the dialogs' carts, at the price each product had when it was added. */
@Repository
class CartLines {

    /** Most of one product a cart holds; more is a typo, not a purchase made in a chat. */
    static final int MAX_QUANTITY = 99;

    private final JdbcClient jdbc;

    CartLines(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What is added: one product, or one variant of it, with the price it has now. */
    record Item(UUID productId, UUID variantId, String sku, String title, String variant, String image, Money price) {}

    /** Adds the item, or raises the quantity of its line (up to the maximum). */
    @Transactional
    void add(UUID dialogId, Item item, int quantity, Instant now) {
        Optional<UUID> existing = item.variantId() == null
                ? jdbc.sql("select id from cart_line where dialog_id = ? and product_id = ? and variant_id is null for update")
                        .params(dialogId, item.productId()).query(UUID.class).optional()
                : jdbc.sql("select id from cart_line where dialog_id = ? and product_id = ? and variant_id = ? for update")
                        .params(dialogId, item.productId(), item.variantId()).query(UUID.class).optional();
        if (existing.isPresent()) {
            jdbc.sql("update cart_line set quantity = least(quantity + ?, ?) where id = ?")
                    .params(quantity, MAX_QUANTITY, existing.get()).update();
            return;
        }
        jdbc.sql("""
                insert into cart_line (id, dialog_id, product_id, variant_id, sku, title, variant, image, price_minor,
                  currency, quantity, added_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(UUID.randomUUID(), dialogId, item.productId(), item.variantId(), item.sku(), item.title(),
                        item.variant(), item.image(), item.price().amountMinor(), item.price().currency(),
                        Math.min(quantity, MAX_QUANTITY), ts(now))
                .update();
    }

    /** Sets a line's quantity; zero removes it. False when the dialog has no such line. */
    boolean setQuantity(UUID dialogId, UUID lineId, int quantity) {
        if (quantity == 0) {
            return jdbc.sql("delete from cart_line where id = ? and dialog_id = ?").params(lineId, dialogId).update() == 1;
        }
        return jdbc.sql("update cart_line set quantity = ? where id = ? and dialog_id = ?")
                .params(quantity, lineId, dialogId).update() == 1;
    }

    int clear(UUID dialogId) {
        return jdbc.sql("delete from cart_line where dialog_id = ?").param(dialogId).update();
    }

    List<CartLine> of(UUID dialogId) {
        return jdbc.sql("select * from cart_line where dialog_id = ? order by added_at, id")
                .param(dialogId).query(CartLines::map).list();
    }

    private static CartLine map(ResultSet rs, int row) throws SQLException {
        Money price = new Money(rs.getLong("price_minor"), rs.getString("currency"));
        int quantity = rs.getInt("quantity");
        return new CartLine(rs.getObject("id", UUID.class), rs.getObject("product_id", UUID.class),
                rs.getObject("variant_id", UUID.class), rs.getString("sku"), rs.getString("title"),
                rs.getString("variant"), rs.getString("image"), price, quantity,
                new Money(Math.multiplyExact(price.amountMinor(), quantity), price.currency()));
    }
}
