package io.vitrine.contacts.internal;

import io.vitrine.contacts.ContactChannel;
import io.vitrine.shared.Db;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The contact table; every read of one contact is scoped to its merchant. */
@Repository
class Contacts {

    private final JdbcClient jdbc;

    Contacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Contact c) {
        jdbc.sql("""
                insert into contact (id, merchant_id, team, owner_id, shopper_id, channel, address_enc, address_hash,
                    screen_name, avatar_color, state, route_token, unread, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)""")
                .params(c.id(), c.merchantId(), c.team(), c.ownerId(), c.shopperId(), c.channel().name(), c.addressEnc(),
                        c.addressHash(), c.screenName(), c.avatarColor(), c.state().name(), c.routeToken(),
                        Db.ts(c.createdAt()))
                .update();
    }

    Optional<Contact> find(UUID merchantId, UUID id) {
        return jdbc.sql("select * from contact where id = ? and merchant_id = ?").params(id, merchantId)
                .query(Contacts::row).optional();
    }

    /** Only for links and routing tokens, which name the contact themselves. */
    Optional<Contact> findAnyMerchant(UUID id) {
        return jdbc.sql("select * from contact where id = ?").param(id).query(Contacts::row).optional();
    }

    /** The contacts with these ids, by id (one query for an outbox batch). */
    java.util.Map<UUID, Contact> findAnyMerchant(java.util.Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return java.util.Map.of();
        }
        return jdbc.sql("select * from contact where id in (:ids)").param("ids", ids).query(Contacts::row).list()
                .stream().collect(java.util.stream.Collectors.toMap(Contact::id, c -> c));
    }

    Optional<Contact> findByRouteToken(String token) {
        return jdbc.sql("select * from contact where route_token = ?").param(token).query(Contacts::row).optional();
    }

    Optional<Contact> findByAddress(UUID merchantId, String team, ContactChannel channel, String addressHash) {
        return jdbc.sql("""
                select * from contact where merchant_id = ? and team = ? and channel = ? and address_hash = ?""")
                .params(merchantId, team, channel.name(), addressHash).query(Contacts::row).optional();
    }

    /** Contacts of the merchant with this address whose owner is the given member (a reply without a token). */
    List<Contact> findByOwnerAndAddress(UUID ownerId, String addressHash) {
        return jdbc.sql("select * from contact where owner_id = ? and address_hash = ? order by last_message_at desc")
                .params(ownerId, addressHash).query(Contacts::row).list();
    }

    List<Contact> ofOwner(UUID merchantId, UUID ownerId, String search) {
        return jdbc.sql("""
                select * from contact where merchant_id = ? and owner_id = ?
                    and (cast(? as varchar) is null or lower(screen_name) like ?)
                order by coalesce(last_message_at, created_at) desc limit 500""")
                .params(merchantId, ownerId, search, like(search)).query(Contacts::row).list();
    }

    /** Ids of the owner's confirmed contacts on a channel. */
    List<UUID> confirmedOf(UUID merchantId, UUID ownerId, ContactChannel channel) {
        return jdbc.sql("""
                select id from contact where merchant_id = ? and owner_id = ? and channel = ? and state = 'CONFIRMED'
                order by created_at, id""")
                .params(merchantId, ownerId, channel.name()).query(UUID.class).list();
    }

    List<Contact> ofMerchant(UUID merchantId, String search) {
        return jdbc.sql("""
                select * from contact where merchant_id = ?
                    and (cast(? as varchar) is null or lower(screen_name) like ?)
                order by coalesce(last_message_at, created_at) desc limit 500""")
                .params(merchantId, search, like(search)).query(Contacts::row).list();
    }

    List<UUID> idsOfOwner(UUID merchantId, UUID ownerId) {
        return jdbc.sql("select id from contact where merchant_id = ? and owner_id = ?").params(merchantId, ownerId)
                .query(UUID.class).list();
    }

    void reopen(UUID id, UUID ownerId, String addressEnc, String screenName, UUID shopperId) {
        jdbc.sql("""
                update contact set state = 'PENDING', owner_id = ?, address_enc = ?, screen_name = ?,
                    shopper_id = coalesce(?, shopper_id), opted_out_at = null
                where id = ?""")
                .params(ownerId, addressEnc, screenName, shopperId, id).update();
    }

    boolean confirm(UUID id, Instant at) {
        return jdbc.sql("update contact set state = 'CONFIRMED', confirmed_at = ? where id = ? and state = 'PENDING'")
                .params(Db.ts(at), id).update() == 1;
    }

    /** START on SMS after STOP: the shopper said yes before, so they are confirmed again. */
    boolean optBackIn(UUID id, Instant at) {
        return jdbc.sql("""
                update contact set state = 'CONFIRMED', opted_out_at = null, confirmed_at = coalesce(confirmed_at, ?)
                where id = ? and state = 'OPTED_OUT'""")
                .params(Db.ts(at), id).update() == 1;
    }

    boolean optOut(UUID id, Instant at) {
        return jdbc.sql("update contact set state = 'OPTED_OUT', opted_out_at = ? where id = ? and state <> 'OPTED_OUT'")
                .params(Db.ts(at), id).update() == 1;
    }

    void touched(UUID id, Instant at, boolean unreadByOwner) {
        jdbc.sql("update contact set last_message_at = ?, unread = unread + ? where id = ?")
                .params(Db.ts(at), unreadByOwner ? 1 : 0, id).update();
    }

    void markRead(UUID id) {
        jdbc.sql("update contact set unread = 0 where id = ?").param(id).update();
    }

    /** Claims the away auto-response for this contact in the current away period; true for the one caller that gets it. */
    boolean claimAwayReply(UUID id, Instant periodStart, Instant now) {
        return jdbc.sql("""
                update contact set away_replied_at = ?
                where id = ? and (away_replied_at is null or away_replied_at < ?)""")
                .params(Db.ts(now), id, Db.ts(periodStart)).update() == 1;
    }

    int transfer(UUID merchantId, Collection<UUID> ids, UUID fromId, UUID toId) {
        int moved = 0;
        for (UUID id : ids) {
            moved += jdbc.sql("update contact set owner_id = ? where id = ? and merchant_id = ? and owner_id = ?")
                    .params(toId, id, merchantId, fromId).update();
        }
        return moved;
    }

    private static String like(String search) {
        return search == null ? null : "%" + search.toLowerCase(java.util.Locale.ROOT).replace("%", "\\%") + "%";
    }

    static Contact row(ResultSet rs, int n) throws SQLException {
        return new Contact(rs.getObject("id", UUID.class), rs.getObject("merchant_id", UUID.class), rs.getString("team"),
                rs.getObject("owner_id", UUID.class), rs.getObject("shopper_id", UUID.class),
                ContactChannel.valueOf(rs.getString("channel")), rs.getString("address_enc"),
                rs.getString("address_hash"), rs.getString("screen_name"), rs.getString("avatar_color"),
                ContactState.valueOf(rs.getString("state")), rs.getString("route_token"), rs.getInt("unread"),
                Db.instant(rs, "created_at"), Db.instant(rs, "confirmed_at"), Db.instant(rs, "opted_out_at"),
                Db.instant(rs, "last_message_at"), Db.instant(rs, "away_replied_at"));
    }
}
