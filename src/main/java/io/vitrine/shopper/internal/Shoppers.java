package io.vitrine.shopper.internal;

import io.vitrine.shared.Db;
import io.vitrine.shopper.Shopper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
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

    /**
     * The shopper holding the token, if it was used within {@code ttl}; the use renews the token's life (at most
     * once a minute, so that a busy widget does not write on every request).
     */
    Optional<Shopper> useToken(String tokenHash, Duration ttl, Instant now) {
        Optional<Shopper> shopper = jdbc.sql("select * from shopper where token_hash = ? and token_used_at > ?")
                .params(tokenHash, Db.ts(now.minus(ttl))).query(Shoppers::map).optional();
        Duration renewAfter = ttl.dividedBy(4).compareTo(Duration.ofMinutes(1)) < 0 ? ttl.dividedBy(4) : Duration.ofMinutes(1);
        shopper.ifPresent(s -> jdbc.sql("update shopper set token_used_at = ? where id = ? and token_used_at < ?")
                .params(Db.ts(now), s.id(), Db.ts(now.minus(renewAfter))).update());
        return shopper;
    }

    /** The token stops working: its hash is replaced by that of a token nobody has. */
    void replaceTokenHash(UUID shopperId, String unknownTokenHash) {
        jdbc.sql("update shopper set token_hash = ? where id = ?").params(unknownTokenHash, shopperId).update();
    }

    /** A new token for the shopper, usable from {@code now}; the one before stops working. */
    void renewToken(UUID shopperId, String tokenHash, Instant now) {
        jdbc.sql("update shopper set token_hash = ?, token_used_at = ? where id = ?")
                .params(tokenHash, Db.ts(now), shopperId).update();
    }

    Optional<Shopper> findById(UUID id) {
        return jdbc.sql("select * from shopper where id = ?").param(id).query(Shoppers::map).optional();
    }

    void insert(Shopper s, String tokenHash, Instant consentAt, Instant now) {
        jdbc.sql("""
                insert into shopper (id, merchant_id, token_hash, screen_name, full_name, email, phone, consent_at, created_at,
                    token_used_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(s.id(), s.merchantId(), tokenHash, s.screenName(), s.fullName(), s.email(), s.phone(),
                        Db.ts(consentAt), Db.ts(now), Db.ts(now))
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
