package io.vitrine.dialog.internal;

import io.vitrine.shared.Actor;
import io.vitrine.shared.DialogRole;
import io.vitrine.dialog.Membership;
import io.vitrine.dialog.ParticipantRole;
import io.vitrine.dialog.Permission;
import io.vitrine.dialog.PermissionMatrix;
import io.vitrine.shared.DomainException;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Finds a dialog for a caller together with the caller's seat in it, and refuses what the seat may not do.
 * A dialog of another merchant, or one a shopper takes no part in, looks exactly like a missing one.
 */
@Component
class DialogAccess {

    /** What a Guest who left keeps until they join again. */
    private static final Set<Permission> LEFT_GUEST = EnumSet.of(Permission.VIEW, Permission.SEE_PARTICIPANTS,
            Permission.READ_PRIVACY_POLICY, Permission.REPORT_PROBLEM);

    private final Dialogs dialogs;
    private final Participants participants;

    DialogAccess(Dialogs dialogs, Participants participants) {
        this.dialogs = dialogs;
        this.participants = participants;
    }

    /** The caller in one dialog; {@code participant} is null for staff looking on. */
    record Seat(DialogRow dialog, DialogRole role, Participants.Row participant) {

        boolean present() {
            return participant != null && participant.present();
        }

        Set<Permission> permissions() {
            if (role == DialogRole.GUEST && !present()) {
                return LEFT_GUEST;
            }
            return PermissionMatrix.granted(role);
        }

        boolean may(Permission permission) {
            return permissions().contains(permission);
        }

        /** Refuses with the permission's own message unless the seat allows it. */
        Seat require(Permission permission) {
            if (!may(permission)) {
                String message = role == DialogRole.GUEST && !present() && PermissionMatrix.allows(role, permission)
                        ? "You left this stream; join again to take part."
                        : permission.refusal();
                throw DomainException.forbidden(message);
            }
            return this;
        }

        Membership membership() {
            return new Membership(participant == null ? null : participant.id().toString(), role, present(), permissions());
        }
    }

    Seat read(UUID dialogId, Actor actor) {
        return dialogs.find(dialogId).map(d -> seat(d, actor)).orElseThrow(() -> DomainException.notFound("Dialog"));
    }

    /** As {@link #read}, holding the dialog's row lock until the transaction ends. */
    Seat lock(UUID dialogId, Actor actor) {
        return dialogs.lock(dialogId).map(d -> seat(d, actor)).orElseThrow(() -> DomainException.notFound("Dialog"));
    }

    private Seat seat(DialogRow d, Actor actor) {
        return seat(d, actor, switch (actor) {
            case Actor.Shopper s -> participants.ofShopper(d.id(), s.shopperId());
            case Actor.Staff s -> participants.ofMember(d.id(), s.memberId());
        });
    }

    /**
     * The caller's seat in a dialog whose participants were read already (oldest first), as {@link #seat} finds it
     * with one read per caller: the caller's latest participation.
     */
    Seat seat(DialogRow d, Actor actor, List<Participants.Row> all) {
        Optional<Participants.Row> latest = Optional.empty();
        for (Participants.Row row : all) {
            boolean mine = switch (actor) {
                case Actor.Shopper s -> s.shopperId().equals(row.shopperId());
                case Actor.Staff s -> s.memberId().equals(row.memberId());
            };
            if (mine && (latest.isEmpty() || !row.joinedAt().isBefore(latest.get().joinedAt()))) {
                latest = Optional.of(row);
            }
        }
        return seat(d, actor, latest);
    }

    private Seat seat(DialogRow d, Actor actor, Optional<Participants.Row> participation) {
        if (!d.merchantId().equals(actor.merchantId())) {
            throw DomainException.notFound("Dialog");
        }
        return switch (actor) {
            case Actor.Shopper s -> participation
                    .map(p -> new Seat(d, p.role() == ParticipantRole.HOST ? DialogRole.HOST : DialogRole.GUEST, p))
                    .orElseThrow(() -> DomainException.notFound("Dialog"));
            // An expert whose dialog went back to the queue without them looks on like any colleague.
            case Actor.Staff s -> participation
                    .filter(p -> p.present() || s.memberId().equals(d.expertId()))
                    .map(p -> new Seat(d, DialogRole.EXPERT, p))
                    .orElseGet(() -> new Seat(d, s.admin() ? DialogRole.ADMIN : DialogRole.COLLEAGUE, null));
        };
    }
}
