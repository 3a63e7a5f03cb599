package io.vitrine.sales.internal;

import io.vitrine.sales.Share;
import io.vitrine.shared.Db;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static io.vitrine.shared.Db.ts;

@Repository
class Shares {

    private static final String COLUMNS = """
            select id, merchant_id, expert_id, product_id, product_title, product_sku, product_url, token, visits,
                   created_at, last_visit_at, revoked_at from sales_share""";

    private final JdbcClient jdbc;

    Shares(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Share share) {
        jdbc.sql("""
                insert into sales_share (id, merchant_id, expert_id, product_id, product_title, product_sku, product_url,
                    token, visits, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, 0, ?)""")
                .params(share.id(), share.merchantId(), share.expertId(), share.productId(), share.productTitle(),
                        share.productSku(), share.productUrl(), share.token(), ts(share.createdAt()))
                .update();
    }

    Optional<Share> byToken(String token) {
        return jdbc.sql(COLUMNS + " where token = ?").param(token).query(Shares::row).optional();
    }

    Optional<Share> find(UUID merchantId, UUID id) {
        return jdbc.sql(COLUMNS + " where merchant_id = ? and id = ?").params(merchantId, id).query(Shares::row).optional();
    }

    /** The merchant's shares, newest first; only the expert's when {@code expertId} is given. */
    List<Share> list(UUID merchantId, @Nullable UUID expertId) {
        return expertId == null
                ? jdbc.sql(COLUMNS + " where merchant_id = ? order by created_at desc").param(merchantId).query(Shares::row).list()
                : jdbc.sql(COLUMNS + " where merchant_id = ? and expert_id = ? order by created_at desc")
                        .params(merchantId, expertId).query(Shares::row).list();
    }

    /** Counts a visit unless the share is revoked; true when it counted. */
    boolean countVisit(UUID id, Instant now) {
        return jdbc.sql("update sales_share set visits = visits + 1, last_visit_at = ? where id = ? and revoked_at is null")
                .params(ts(now), id).update() == 1;
    }

    void revoke(UUID id, Instant now) {
        jdbc.sql("update sales_share set revoked_at = ? where id = ? and revoked_at is null").params(ts(now), id).update();
    }

    private static Share row(ResultSet rs, int n) throws SQLException {
        return new Share(rs.getObject("id", UUID.class), rs.getObject("merchant_id", UUID.class),
                rs.getObject("expert_id", UUID.class), rs.getObject("product_id", UUID.class),
                rs.getString("product_title"), rs.getString("product_sku"), rs.getString("product_url"),
                rs.getString("token"), rs.getLong("visits"), Db.instant(rs, "created_at"),
                Db.instant(rs, "last_visit_at"), Db.instant(rs, "revoked_at"));
    }
}
