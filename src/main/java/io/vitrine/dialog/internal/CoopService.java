package io.vitrine.dialog.internal;

import io.vitrine.shared.Actor;
import io.vitrine.dialog.CoopApi;
import io.vitrine.shared.DialogRole;
import io.vitrine.dialog.DialogStatus;
import io.vitrine.dialog.DialogView;
import io.vitrine.dialog.EventKind;
import io.vitrine.dialog.InvitePreview;
import io.vitrine.dialog.ParticipantRole;
import io.vitrine.dialog.Permission;
import io.vitrine.merchant.Merchant;
import io.vitrine.merchant.MerchantApi;
import io.vitrine.shared.DomainException;
import io.vitrine.shared.SecretTokens;
import io.vitrine.shopper.Shopper;
import io.vitrine.shopper.ShopperApi;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Co-op shopping: the Host's invite link, Guests joining and leaving, and the limit of five customers per stream.
 */
@Service
public class CoopService implements CoopApi {

    public static final int MAX_SCREEN_NAME = 40;

    private final Dialogs dialogs;
    private final Participants participants;
    private final Invites invites;
    private final DialogAccess access;
    private final DialogChanges changes;
    private final DialogLog log;
    private final MerchantApi merchants;
    private final ShopperApi shoppers;
    private final DialogProperties.Coop settings;
    private final Clock clock;

    CoopService(Dialogs dialogs, Participants participants, Invites invites, DialogAccess access, DialogChanges changes,
            DialogLog log, MerchantApi merchants, ShopperApi shoppers, DialogProperties properties, Clock clock) {
        this.dialogs = dialogs;
        this.participants = participants;
        this.invites = invites;
        this.access = access;
        this.changes = changes;
        this.log = log;
        this.merchants = merchants;
        this.shoppers = shoppers;
        this.settings = properties.coop();
        this.clock = clock;
    }

    /** A link's token, shown to the Host once. */
    public record Invitation(String token, Instant expiresAt) {}

    /** Who joined: {@code token} is set when a new Guest identity was made for them. */
    public record Joined(String token, Shopper shopper, DialogView dialog) {}

    /** The Host gets a new invite link; any earlier link of the dialog stops working. */
    @Transactional
    public Invitation invite(UUID dialogId, Shopper host) {
        DialogRow d = access.lock(dialogId, actor(host)).require(Permission.INVITE).dialog();
        requireCoop(d);
        requireLive(d);
        Instant now = Instant.now(clock);
        invites.revokeAll(dialogId, now);
        String token = SecretTokens.newToken();
        Instant expiresAt = now.plus(settings.inviteTtl());
        invites.create(dialogId, SecretTokens.hash(token), now, expiresAt);
        log.add(dialogId, DialogLog.Reason.INVITE_CREATED, null, null, now);
        return new Invitation(token, expiresAt);
    }

    @Transactional
    public void revoke(UUID dialogId, Shopper host) {
        access.lock(dialogId, actor(host)).require(Permission.INVITE);
        Instant now = Instant.now(clock);
        if (invites.revokeAll(dialogId, now) > 0) {
            log.add(dialogId, DialogLog.Reason.INVITE_REVOKED, null, null, now);
        }
    }

    @Transactional(readOnly = true)
    public InvitePreview preview(String token) {
        DialogRow d = dialogOf(token);
        requireLive(d);
        Merchant merchant = merchants.get(d.merchantId());
        DialogView view = changes.view(d);
        return new InvitePreview(view.merchant(), view.expert(), view.host(), d.status(),
                participants.presentCustomers(d.id()), DialogView.MAX_CUSTOMERS, merchant.settings().privacyPolicyUrl());
    }

    /** The merchant whose dialog the link belongs to, for serving the join page. */
    @Transactional(readOnly = true)
    public Merchant merchantOf(String token) {
        return merchants.get(dialogOf(token).merchantId());
    }

    /**
     * Someone opened the link and clicked Ready. A shopper of the same merchant joins as themselves; anybody else
     * gets a new Guest identity. Someone already in the dialog simply gets it back.
     */
    @Transactional
    public Joined join(String token, Shopper current, String screenName) {
        String name = screenName(screenName);
        UUID dialogId = dialogOf(token).id();
        DialogRow d = dialogs.lock(dialogId).orElseThrow();
        invites.findLive(SecretTokens.hash(token), Instant.now(clock)).orElseThrow(CoopService::invalidLink);
        requireCoop(d);
        requireLive(d);
        Shopper shopper = current != null && current.merchantId().equals(d.merchantId()) ? current : null;
        if (shopper != null) {
            var existing = participants.ofShopper(dialogId, shopper.id());
            if (existing.isPresent()) {
                if (existing.get().role() == ParticipantRole.GUEST && !existing.get().present()) {
                    return new Joined(null, shopper, comeBack(d, existing.get(), name));
                }
                return new Joined(null, shopper, changes.view(d));
            }
        }
        requireRoom(d);
        return seatGuest(d, shopper, name);
    }

    /** A new Guest seat in a dialog whose row is locked: the shopper's, or a new Guest identity's if there is none. */
    Joined seatGuest(DialogRow d, Shopper current, String name) {
        Shopper shopper = current;
        String newToken = null;
        if (shopper == null) {
            var guest = shoppers.createGuest(d.merchantId(), name);
            newToken = guest.token();
            shopper = guest.shopper();
        }
        Instant now = Instant.now(clock);
        Participants.Row guest = participants.add(d.id(), ParticipantRole.GUEST, shopper.id(), null, name, now);
        changes.append(d, EventKind.JOINED, guest, null, null, now);
        log.add(d.id(), DialogLog.Reason.JOINED, null, name, now);
        return new Joined(newToken, shopper, changes.changed(d.id()));
    }

    /** A Guest who left an open dialog takes their seat again, if there is room. */
    @Transactional
    public DialogView rejoin(UUID dialogId, Shopper shopper) {
        var seat = access.lock(dialogId, actor(shopper));
        if (seat.role() != DialogRole.GUEST) {
            throw DomainException.forbidden("Only a Guest who left can join again.");
        }
        requireLive(seat.dialog());
        if (seat.present()) {
            return changes.view(seat.dialog());
        }
        return comeBack(seat.dialog(), seat.participant(), seat.participant().screenName());
    }

    /** A Guest leaves; the stream goes on for everyone else. */
    @Transactional
    public DialogView leave(UUID dialogId, Shopper shopper) {
        var seat = access.lock(dialogId, actor(shopper));
        if (seat.role() == DialogRole.GUEST && !seat.present()) {
            return changes.view(seat.dialog());
        }
        seat.require(Permission.LEAVE);
        requireLive(seat.dialog());
        return depart(seat.dialog(), seat.participant(), DialogLog.Reason.LEFT);
    }

    /** A Guest whose every connection stayed away for the grace period has left. */
    @Override
    @Transactional
    public void disconnected(UUID dialogId, UUID shopperId) {
        DialogRow d = dialogs.lock(dialogId).orElse(null);
        if (d == null || d.status() == DialogStatus.ENDED) {
            return;
        }
        participants.ofShopper(dialogId, shopperId)
                .filter(p -> p.role() == ParticipantRole.GUEST && p.present())
                .ifPresent(p -> depart(d, p, DialogLog.Reason.CONNECTION_LOST));
    }

    private DialogView depart(DialogRow d, Participants.Row guest, DialogLog.Reason how) {
        Instant now = Instant.now(clock);
        participants.leave(guest.id(), now);
        changes.append(d, EventKind.LEFT, guest, null, null, now);
        log.add(d.id(), how, null, guest.screenName(), now);
        return changes.changed(d.id());
    }

    private DialogView comeBack(DialogRow d, Participants.Row guest, String name) {
        requireRoom(d);
        return seatAgain(d, guest, name);
    }

    /** A Guest who left takes their seat again, in a dialog whose row is locked and has room. */
    DialogView seatAgain(DialogRow d, Participants.Row guest, String name) {
        Instant now = Instant.now(clock);
        participants.rejoin(guest.id(), name);
        Participants.Row back = participants.ofShopper(d.id(), guest.shopperId()).orElseThrow();
        changes.append(d, EventKind.JOINED, back, null, null, now);
        log.add(d.id(), DialogLog.Reason.JOINED_AGAIN, null, name, now);
        return changes.changed(d.id());
    }

    private DialogRow dialogOf(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            throw invalidLink();
        }
        return invites.findLive(SecretTokens.hash(token), Instant.now(clock))
                .flatMap(invite -> dialogs.find(invite.dialogId()))
                .orElseThrow(CoopService::invalidLink);
    }

    private void requireRoom(DialogRow d) {
        int limit = dialogs.seatLimit(d.id());
        if (participants.presentCustomers(d.id()) < limit) {
            return;
        }
        if (limit < DialogView.MAX_CUSTOMERS) {
            throw RoomDialogs.full(limit);
        }
        throw DomainException.conflict("stream_full",
                "This stream is full: " + DialogView.MAX_CUSTOMERS + " customers are in it already.");
    }

    private void requireCoop(DialogRow d) {
        if (!merchants.get(d.merchantId()).settings().coopShopping()) {
            throw DomainException.conflict("coop_disabled", "This shop has switched co-op shopping off.");
        }
    }

    private static void requireLive(DialogRow d) {
        if (d.status() == DialogStatus.ENDED) {
            throw DomainException.conflict("ended", "This dialog has ended; its invite link no longer works.");
        }
        if (d.status() == DialogStatus.MESSAGE) {
            throw DomainException.conflict("not_live", "Friends can only be invited into a live dialog, not a left message.");
        }
    }

    static String screenName(String value) {
        String name = value == null ? "" : value.strip();
        if (name.isEmpty() || name.length() > MAX_SCREEN_NAME) {
            throw DomainException.invalid("Please choose a screen name of 1 to " + MAX_SCREEN_NAME + " characters.");
        }
        return name;
    }

    private static DomainException invalidLink() {
        return new DomainException(DomainException.Kind.NOT_FOUND, "invite_not_found",
                "This invite link does not work (any more): it was revoked, has expired, or is mistyped. Ask the Host for a new one.");
    }

    private static Actor.Shopper actor(Shopper shopper) {
        return new Actor.Shopper(shopper.id(), shopper.merchantId());
    }
}
