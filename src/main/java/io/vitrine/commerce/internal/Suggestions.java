package io.vitrine.commerce.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static io.vitrine.shared.Db.ts;

/** The expert's suggestions for the Host's cart; each is answered once. */
@Repository
class Suggestions {

    enum Status { PENDING, ACCEPTED, REJECTED }

    record Row(UUID id, UUID dialogId, UUID productId, UUID variantId, int quantity, Status status) {}

    private final JdbcClient jdbc;

    Suggestions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Row add(UUID dialogId, UUID productId, UUID variantId, int quantity, Instant now) {
        var row = new Row(UUID.randomUUID(), dialogId, productId, variantId, quantity, Status.PENDING);
        jdbc.sql("""
                insert into cart_suggestion (id, dialog_id, product_id, variant_id, quantity, status, created_at)
                values (?, ?, ?, ?, ?, ?, ?)
                """)
                .params(row.id(), dialogId, productId, variantId, quantity, row.status().name(), ts(now)).update();
        return row;
    }

    Optional<Row> find(UUID dialogId, UUID id) {
        return jdbc.sql("select * from cart_suggestion where id = ? and dialog_id = ?").params(id, dialogId)
                .query(Suggestions::map).optional();
    }

    /** Answers a pending suggestion; false when it was answered already (a second tap, another device). */
    boolean answer(UUID id, Status status, Instant now) {
        return jdbc.sql("update cart_suggestion set status = ?, answered_at = ? where id = ? and status = 'PENDING'")
                .params(status.name(), ts(now), id).update() == 1;
    }

    List<Row> pending(UUID dialogId) {
        return jdbc.sql("select * from cart_suggestion where dialog_id = ? and status = 'PENDING' order by created_at, id")
                .param(dialogId).query(Suggestions::map).list();
    }

    private static Row map(ResultSet rs, int row) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), rs.getObject("dialog_id", UUID.class),
                rs.getObject("product_id", UUID.class), rs.getObject("variant_id", UUID.class), rs.getInt("quantity"),
                Status.valueOf(rs.getString("status")));
    }
}
