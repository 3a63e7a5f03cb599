package io.vitrine.contacts.internal;

import io.vitrine.shared.Db;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Demo mode: the mailbox of every shopper, filled by the embedded SMTP listener, read by /demo/inbox. */
@Repository
public class DemoMailbox {

    public record Mail(UUID id, String recipient, String sender, String subject, Instant receivedAt) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    DemoMailbox(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void store(String recipient, String sender, String subject, byte[] raw) {
        jdbc.sql("insert into demo_mail (id, recipient, sender, subject, raw, received_at) values (?, ?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), recipient, sender, subject, raw, Db.ts(clock.instant())).update();
    }

    public List<Mail> list(String recipient) {
        return jdbc.sql("""
                select id, recipient, sender, subject, received_at from demo_mail
                where cast(? as varchar) is null or lower(recipient) = lower(?)
                order by received_at desc limit 200""")
                .params(recipient, recipient)
                .query((rs, n) -> new Mail(rs.getObject("id", UUID.class), rs.getString("recipient"),
                        rs.getString("sender"), rs.getString("subject"), Db.instant(rs, "received_at")))
                .list();
    }

    public Optional<byte[]> raw(UUID id) {
        return jdbc.sql("select raw from demo_mail where id = ?").param(id).query((rs, n) -> rs.getBytes(1)).optional();
    }

    public Optional<Mail> find(UUID id) {
        return jdbc.sql("select id, recipient, sender, subject, received_at from demo_mail where id = ?").param(id)
                .query((rs, n) -> new Mail(rs.getObject("id", UUID.class), rs.getString("recipient"),
                        rs.getString("sender"), rs.getString("subject"), Db.instant(rs, "received_at")))
                .optional();
    }
}
