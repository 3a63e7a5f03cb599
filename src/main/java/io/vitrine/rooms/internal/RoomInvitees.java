package io.vitrine.rooms.internal;

import io.vitrine.notifications.Recipient;
import io.vitrine.notifications.RecipientDirectory;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static io.vitrine.shared.Db.ts;

/**
 * Addresses rooms were announced to, one id per merchant and address: the notifications module looks the address up
 * by that id when it sends, and keeps an unsubscribe against it.
 */
@Repository
class RoomInvitees implements RecipientDirectory {

    private final JdbcClient jdbc;

    RoomInvitees(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The invitee id of the address, made on first use. */
    UUID idOf(UUID merchantId, String email, Instant now) {
        var existing = find(merchantId, email);
        if (existing.isPresent()) {
            return existing.get();
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into room_invitee (id, merchant_id, email, created_at) values (?, ?, ?, ?)")
                .params(id, merchantId, email, ts(now)).update();
        return id;
    }

    private Optional<UUID> find(UUID merchantId, String email) {
        return jdbc.sql("select id from room_invitee where merchant_id = ? and email = ?").params(merchantId, email)
                .query(UUID.class).optional();
    }

    /** Records the announcement; false if the address had been told of the room already. */
    boolean markAnnounced(UUID roomId, UUID inviteeId, Instant now) {
        boolean told = jdbc.sql("select count(*) from room_announcement where room_id = ? and invitee_id = ?")
                .params(roomId, inviteeId).query(Integer.class).single() > 0;
        if (told) {
            return false;
        }
        jdbc.sql("insert into room_announcement (room_id, invitee_id, sent_at) values (?, ?, ?)")
                .params(roomId, inviteeId, ts(now)).update();
        return true;
    }

    java.util.List<UUID> announcedTo(UUID roomId) {
        return jdbc.sql("select invitee_id from room_announcement where room_id = ? order by sent_at, invitee_id")
                .param(roomId).query(UUID.class).list();
    }

    /** Records the announcement to a contact of the expert; false if they had been told of the room already. */
    boolean markContactAnnounced(UUID roomId, UUID contactId, Instant now) {
        boolean told = jdbc.sql("select count(*) from room_contact_announcement where room_id = ? and contact_id = ?")
                .params(roomId, contactId).query(Integer.class).single() > 0;
        if (told) {
            return false;
        }
        jdbc.sql("insert into room_contact_announcement (room_id, contact_id, sent_at) values (?, ?, ?)")
                .params(roomId, contactId, ts(now)).update();
        return true;
    }

    java.util.List<UUID> contactsAnnounced(UUID roomId) {
        return jdbc.sql("select contact_id from room_contact_announcement where room_id = ? order by sent_at, contact_id")
                .param(roomId).query(UUID.class).list();
    }

    int announced(UUID roomId) {
        return jdbc.sql("select count(*) from room_announcement where room_id = ?").param(roomId)
                .query(Integer.class).single();
    }

    @Override
    public Optional<Entry> find(Recipient recipient) {
        if (recipient.kind() != Recipient.Kind.INVITEE) {
            return Optional.empty();
        }
        return jdbc.sql("select email from room_invitee where id = ? and merchant_id = ?")
                .params(recipient.id(), recipient.merchantId()).query(String.class).optional()
                .map(email -> new Entry(email, email));
    }

}
