package io.vitrine.catalog.internal;

import java.time.Instant;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static io.vitrine.shared.Db.ts;

@Repository
class Favourites {

    private final JdbcClient jdbc;

    Favourites(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Idempotent: favouriting twice keeps one favourite. */
    void add(UUID memberId, UUID productId, Instant now) {
        try {
            jdbc.sql("""
                    insert into catalog_favourite (member_id, product_id, created_at)
                    select ?, ?, ? where not exists (select 1 from catalog_favourite where member_id = ? and product_id = ?)""")
                    .params(memberId, productId, ts(now), memberId, productId).update();
        } catch (DuplicateKeyException e) {
            // the same member favourited it at the same moment in another request
        }
    }

    void remove(UUID memberId, UUID productId) {
        jdbc.sql("delete from catalog_favourite where member_id = ? and product_id = ?").params(memberId, productId).update();
    }
}
