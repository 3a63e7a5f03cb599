package io.vitrine.dialog.internal;

import io.vitrine.dialog.DialogMode;
import io.vitrine.dialog.DialogStatus;
import io.vitrine.dialog.DialogView;
import io.vitrine.dialog.EventKind;
import io.vitrine.dialog.ParticipantRole;
import io.vitrine.dialog.RoomDialogsApi;
import io.vitrine.merchant.Member;
import io.vitrine.merchant.TeamApi;
import io.vitrine.shared.DomainException;
import io.vitrine.shopper.Shopper;
import io.vitrine.shopper.ShopperApi;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static io.vitrine.shared.Db.ts;

/** Dialogs of brand rooms: opened straight with their expert, joined by visitors as Guests up to a capacity. */
@Service
class RoomDialogs implements RoomDialogsApi {

    private final Dialogs dialogs;
    private final Participants participants;
    private final DialogChanges changes;
    private final DialogLog log;
    private final CoopService coop;
    private final Offers offers;
    private final TeamApi team;
    private final ShopperApi shoppers;
    private final JdbcClient jdbc;
    private final Clock clock;

    RoomDialogs(Dialogs dialogs, Participants participants, DialogChanges changes, DialogLog log, CoopService coop,
            Offers offers, TeamApi team, ShopperApi shoppers, JdbcClient jdbc, Clock clock) {
        this.dialogs = dialogs;
        this.participants = participants;
        this.changes = changes;
        this.log = log;
        this.coop = coop;
        this.offers = offers;
        this.team = team;
        this.shoppers = shoppers;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional
    public UUID open(UUID merchantId, UUID expertId, DialogMode mode, String ownerName, UUID dialogId) {
        Member expert = team.findMember(expertId).filter(m -> m.merchantId().equals(merchantId))
                .orElseThrow(() -> DomainException.notFound("Team member"));
        Instant now = Instant.now(clock);
        DialogRow existing = dialogId == null ? null : dialogs.lock(dialogId).orElse(null);
        if (existing != null && existing.status() == DialogStatus.ACTIVE) {
            return existing.id();
        }
        if (existing != null) {
            // Ended, or back in the queue because its expert was gone: live again with the room's expert.
            offers.withdrawAll(existing.id());
        }
        DialogRow d = existing != null ? existing : create(merchantId, expertId, mode, ownerName, now);
        // Nobody is connected yet: the dialog waits for its visitors instead of counting them as gone.
        jdbc.sql("""
                update dialog set status = 'ACTIVE', expert_id = ?, accepted_at = ?, ended_at = null, end_reason = null,
                    customers_gone_since = null, media_mode = ?
                where id = ?
                """).params(expertId, ts(now), mode.name(), d.id()).update();
        UUID id = d.id();
        Participants.Row seat = participants.ofMember(id, expertId)
                .map(p -> {
                    participants.rejoin(p.id(), expert.displayName());
                    return p;
                })
                .orElseGet(() -> participants.add(id, ParticipantRole.EXPERT, null, expertId, expert.displayName(), now));
        changes.append(d, EventKind.ACCEPTED, seat, null, null, now);
        log.add(id, DialogLog.Reason.ACCEPTED, expertId, expert.displayName(), now);
        changes.changed(id);
        return id;
    }

    private DialogRow create(UUID merchantId, UUID expertId, DialogMode mode, String ownerName, Instant now) {
        var owner = shoppers.createGuest(merchantId, ownerName(ownerName));
        var d = new DialogRow(UUID.randomUUID(), merchantId, DialogStatus.ACTIVE, mode, owner.shopper().id(), expertId,
                null, null, expertId, now, now, null, 0, null, null, null, null);
        dialogs.insert(d);
        // The owner's seat is named after the room, so lists show the room's title; it is left at once and never
        // taken: the owner's token is handed to no one, so nobody sits as the Host.
        Participants.Row seat = participants.add(d.id(), ParticipantRole.HOST, owner.shopper().id(), null,
                owner.shopper().screenName(), now);
        participants.leave(seat.id(), now);
        return d;
    }

    @Override
    @Transactional
    public Joined join(UUID dialogId, Shopper current, String screenName, int capacity) {
        String name = CoopService.screenName(screenName);
        DialogRow d = dialogs.lock(dialogId).orElseThrow(() -> DomainException.notFound("Room"));
        if (d.status() != DialogStatus.ACTIVE) {
            throw DomainException.conflict("ended", "This room's session has ended.");
        }
        Shopper shopper = current != null && current.merchantId().equals(d.merchantId()) ? current : null;
        var existing = shopper == null ? Optional.<Participants.Row>empty() : participants.ofShopper(dialogId, shopper.id());
        if (existing.isPresent() && existing.get().present()) {
            return new Joined(null, shopper, changes.view(d));
        }
        requireRoom(d, capacity);
        if (existing.isPresent()) {
            return new Joined(null, shopper, coop.seatAgain(d, existing.get(), name));
        }
        var joined = coop.seatGuest(d, shopper, name);
        return new Joined(joined.token(), joined.shopper(), joined.dialog());
    }

    private void requireRoom(DialogRow d, int capacity) {
        int max = Math.min(capacity, DialogView.MAX_CUSTOMERS);
        dialogs.limitSeats(d.id(), max);
        if (participants.presentCustomers(d.id()) >= max) {
            throw full(max);
        }
    }

    static DomainException full(int max) {
        return DomainException.conflict("room_full",
                "This room is full: " + max + (max == 1 ? " participant is" : " participants are") + " in it already.");
    }

    private static String ownerName(String name) {
        String value = name == null || name.isBlank() ? "Room" : name.strip();
        return value.length() > CoopService.MAX_SCREEN_NAME ? value.substring(0, CoopService.MAX_SCREEN_NAME) : value;
    }
}
