package io.vitrine.merchant.internal;

import io.vitrine.merchant.Member;
import io.vitrine.merchant.Presence;
import io.vitrine.merchant.Role;
import io.vitrine.merchant.StaffPrincipal;
import io.vitrine.shared.Db;
import static io.vitrine.shared.Db.ts;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class TeamMembers {

    private final JdbcClient jdbc;

    TeamMembers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every account with this email, at any merchant (an email is unique only within a merchant). */
    List<StaffPrincipal> findPrincipalsByEmail(String email) {
        return jdbc.sql("select * from team_member where lower(email) = lower(?)").param(email)
                .query((rs, row) -> new StaffPrincipal(rs.getObject("id", UUID.class), rs.getObject("merchant_id", UUID.class),
                        rs.getString("email"), rs.getString("display_name"), Role.valueOf(rs.getString("role")),
                        rs.getString("password_hash")))
                .list();
    }

    Optional<Member> findById(UUID id) {
        return jdbc.sql("select * from team_member where id = ?").param(id).query(TeamMembers::map).optional();
    }

    Optional<Member> findByHandle(UUID merchantId, String handle) {
        return jdbc.sql("select * from team_member where merchant_id = ? and lower(handle) = lower(?)")
                .params(merchantId, handle).query(TeamMembers::map).optional();
    }

    boolean emailTaken(UUID merchantId, String email) {
        return jdbc.sql("select count(*) from team_member where merchant_id = ? and lower(email) = lower(?)")
                .params(merchantId, email).query(Long.class).single() > 0;
    }

    List<Member> findByMerchant(UUID merchantId) {
        return jdbc.sql("select * from team_member where merchant_id = ? order by display_name")
                .param(merchantId).query(TeamMembers::map).list();
    }

    List<Member> findOnline(UUID merchantId) {
        return jdbc.sql("select * from team_member where merchant_id = ? and presence = 'ONLINE'")
                .param(merchantId).query(TeamMembers::map).list();
    }

    void insert(Member member, String passwordHash, Instant now) {
        jdbc.sql("""
                insert into team_member (id, merchant_id, email, password_hash, display_name, handle, store, role,
                    presence, presence_since, idle_since, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(member.id(), member.merchantId(), member.email(), passwordHash, member.displayName(),
                        member.handle(), member.store(), member.role().name(), member.presence().name(),
                        ts(now), ts(now), ts(now))
                .update();
    }

    /** Returns whether the presence actually changed. Going Online makes the expert idle from now on. */
    boolean updatePresence(UUID memberId, Presence presence, Instant now) {
        return jdbc.sql("""
                update team_member set presence = :presence, presence_since = :now, last_seen_at = :now,
                    idle_since = case when :presence = 'ONLINE' then :now else idle_since end
                where id = :id and presence <> :presence
                """)
                .param("presence", presence.name()).param("now", ts(now)).param("id", memberId)
                .update() > 0;
    }

    void markSeen(Collection<UUID> memberIds, Instant now) {
        if (memberIds.isEmpty()) {
            return;
        }
        jdbc.sql("update team_member set last_seen_at = :now where id in (:ids)")
                .param("now", ts(now)).param("ids", memberIds).update();
    }

    void markIdleFrom(UUID memberId, Instant now) {
        jdbc.sql("update team_member set idle_since = ? where id = ?").params(ts(now), memberId).update();
    }

    /** Members shown as present whose console has not been seen since {@code before}. */
    List<Member> findGoneSince(Instant before) {
        return jdbc.sql("""
                select * from team_member
                where presence <> 'OFFLINE' and coalesce(last_seen_at, presence_since) < ?
                """).param(ts(before)).query(TeamMembers::map).list();
    }

    Set<UUID> goneSince(Collection<UUID> memberIds, Instant before) {
        return new HashSet<>(jdbc.sql("""
                select id from team_member where id in (:ids) and coalesce(last_seen_at, presence_since) < :before
                """).param("ids", memberIds).param("before", ts(before)).query(UUID.class).list());
    }

    private static Member map(ResultSet rs, int row) throws SQLException {
        return new Member(rs.getObject("id", UUID.class), rs.getObject("merchant_id", UUID.class), rs.getString("email"),
                rs.getString("display_name"), rs.getString("handle"), rs.getString("store"),
                Role.valueOf(rs.getString("role")), Presence.valueOf(rs.getString("presence")),
                Db.instant(rs, "idle_since"));
    }
}
