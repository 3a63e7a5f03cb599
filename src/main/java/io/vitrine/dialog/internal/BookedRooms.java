package io.vitrine.dialog.internal;

import io.vitrine.dialog.AppointmentRoomsApi;
import io.vitrine.dialog.DialogMode;
import io.vitrine.dialog.DialogStatus;
import io.vitrine.dialog.DialogView;
import io.vitrine.dialog.EventKind;
import io.vitrine.dialog.ParticipantRole;
import io.vitrine.merchant.Member;
import io.vitrine.merchant.TeamApi;
import io.vitrine.shared.DomainException;
import io.vitrine.shopper.Shopper;
import io.vitrine.shopper.ShopperApi;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rooms of booked appointments: a dialog that starts live with its expert (no request, no routing) and Guests the
 * Host added to the appointment, seated when they open their link.
 */
@Service
class BookedRooms implements AppointmentRoomsApi {

    private final Dialogs dialogs;
    private final Participants participants;
    private final DialogChanges changes;
    private final DialogLog log;
    private final TeamApi team;
    private final ShopperApi shoppers;
    private final Clock clock;

    BookedRooms(Dialogs dialogs, Participants participants, DialogChanges changes, DialogLog log, TeamApi team,
            ShopperApi shoppers, Clock clock) {
        this.dialogs = dialogs;
        this.participants = participants;
        this.changes = changes;
        this.log = log;
        this.team = team;
        this.shoppers = shoppers;
        this.clock = clock;
    }

    @Override
    @Transactional
    public UUID openRoom(UUID merchantId, UUID expertId, UUID hostShopperId) {
        Member expert = team.findMember(expertId).filter(m -> m.merchantId().equals(merchantId))
                .orElseThrow(() -> DomainException.notFound("Team member"));
        Shopper host = shoppers.find(hostShopperId).filter(s -> s.merchantId().equals(merchantId))
                .orElseThrow(() -> DomainException.notFound("Shopper"));
        Instant now = Instant.now(clock);
        var row = new DialogRow(UUID.randomUUID(), merchantId, DialogStatus.ACTIVE, DialogMode.VIDEO, host.id(), expertId,
                null, null, null, now, null, null, 0, null, null, null, null);
        dialogs.insert(row);
        dialogs.accept(row.id(), expert.id(), now);
        Participants.Row hostSeat = participants.add(row.id(), ParticipantRole.HOST, host.id(), null, host.screenName(), now);
        log.add(row.id(), DialogLog.Reason.BOOKED_ROOM, null, host.screenName(), now);
        changes.append(row, EventKind.REQUESTED, hostSeat, null, null, now);
        Participants.Row expertSeat = participants.add(row.id(), ParticipantRole.EXPERT, null, expert.id(),
                expert.displayName(), now);
        changes.append(row, EventKind.ACCEPTED, expertSeat, null, null, now);
        log.add(row.id(), DialogLog.Reason.ACCEPTED, expert.id(), expert.displayName(), now);
        changes.changed(row.id());
        return row.id();
    }

    @Override
    @Transactional
    public void seatGuest(UUID dialogId, UUID shopperId, String screenName) {
        DialogRow d = dialogs.lock(dialogId).orElseThrow(() -> DomainException.notFound("Dialog"));
        if (d.status() != DialogStatus.ACTIVE) {
            throw DomainException.conflict("not_open", "This appointment's room is not open.");
        }
        var existing = participants.ofShopper(dialogId, shopperId);
        if (existing.isPresent() && (existing.get().present() || existing.get().role() != ParticipantRole.GUEST)) {
            return;
        }
        if (participants.presentCustomers(dialogId) >= DialogView.MAX_CUSTOMERS) {
            throw DomainException.conflict("stream_full",
                    "This stream is full: " + DialogView.MAX_CUSTOMERS + " customers are in it already.");
        }
        Instant now = Instant.now(clock);
        Participants.Row guest = existing.map(p -> {
            participants.rejoin(p.id(), screenName);
            return participants.ofShopper(dialogId, shopperId).orElseThrow();
        }).orElseGet(() -> participants.add(dialogId, ParticipantRole.GUEST, shopperId, null, screenName, now));
        changes.append(d, EventKind.JOINED, guest, null, null, now);
        log.add(dialogId, DialogLog.Reason.JOINED_APPOINTMENT, null, screenName, now);
        changes.changed(dialogId);
    }
}
