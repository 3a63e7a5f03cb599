package io.vitrine.dialog.internal;

import io.vitrine.shared.Db;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static io.vitrine.shared.Db.ts;

/** Invite links of dialogs, stored by the hash of their token. */
@Repository
class Invites {

    record Invite(UUID id, UUID dialogId, Instant createdAt, Instant expiresAt) {}

    private final JdbcClient jdbc;

    Invites(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void create(UUID dialogId, String tokenHash, Instant now, Instant expiresAt) {
        jdbc.sql("insert into dialog_invite (id, dialog_id, token_hash, created_at, expires_at) values (?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), dialogId, tokenHash, ts(now), ts(expiresAt)).update();
    }

    /** Revokes every link of the dialog that still works; returns how many there were. */
    int revokeAll(UUID dialogId, Instant now) {
        return jdbc.sql("update dialog_invite set revoked_at = ? where dialog_id = ? and revoked_at is null")
                .params(ts(now), dialogId).update();
    }

    /** The link with this token hash, unless it was revoked or has expired. */
    Optional<Invite> findLive(String tokenHash, Instant now) {
        return jdbc.sql("""
                select * from dialog_invite where token_hash = ? and revoked_at is null and expires_at > ?
                """).params(tokenHash, ts(now))
                .query((rs, row) -> new Invite(rs.getObject("id", UUID.class), rs.getObject("dialog_id", UUID.class),
                        Db.instant(rs, "created_at"), Db.instant(rs, "expires_at")))
                .optional();
    }
}
