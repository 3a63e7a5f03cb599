package io.vitrine.shopper.internal;

import io.vitrine.shared.Db;
import io.vitrine.shopper.Shopper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class Shoppers {

    private final JdbcClient jdbc;

    Shoppers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Shopper> findByTokenHash(String tokenHash) {
        return jdbc.sql("select * from shopper where token_hash = ?").param(tokenHash).query(Shoppers::map).optional();
    }

    Optional<Shopper> findById(UUID id) {
        return jdbc.sql("select * from shopper where id = ?").param(id).query(Shoppers::map).optional();
    }

    void insert(Shopper s, String tokenHash, Instant consentAt, Instant now) {
        jdbc.sql("""
                insert into shopper (id, merchant_id, token_hash, screen_name, full_name, email, phone, consent_at, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(s.id(), s.merchantId(), tokenHash, s.screenName(), s.fullName(), s.email(), s.phone(),
                        Db.ts(consentAt), Db.ts(now))
                .update();
    }

    void update(Shopper s, Instant consentAt) {
        jdbc.sql("""
                update shopper set screen_name = ?, full_name = ?, email = ?, phone = ?,
                    consent_at = coalesce(consent_at, ?)
                where id = ?
                """)
                .params(s.screenName(), s.fullName(), s.email(), s.phone(), Db.ts(consentAt), s.id())
                .update();
    }

    private static Shopper map(ResultSet rs, int row) throws SQLException {
        return new Shopper(rs.getObject("id", UUID.class), rs.getObject("merchant_id", UUID.class),
                rs.getString("screen_name"), rs.getString("full_name"), rs.getString("email"), rs.getString("phone"));
    }
}
