package io.vitrine.dialog.internal;

import io.vitrine.dialog.Actor;
import io.vitrine.dialog.DialogRole;
import io.vitrine.dialog.Membership;
import io.vitrine.dialog.ParticipantRole;
import io.vitrine.dialog.Permission;
import io.vitrine.dialog.PermissionMatrix;
import io.vitrine.shared.DomainException;
import java.util.EnumSet;
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
        if (!d.merchantId().equals(actor.merchantId())) {
            throw DomainException.notFound("Dialog");
        }
        return switch (actor) {
            case Actor.Shopper s -> participants.ofShopper(d.id(), s.shopperId())
                    .map(p -> new Seat(d, p.role() == ParticipantRole.HOST ? DialogRole.HOST : DialogRole.GUEST, p))
                    .orElseThrow(() -> DomainException.notFound("Dialog"));
            // An expert whose dialog went back to the queue without them looks on like any colleague.
            case Actor.Staff s -> participants.ofMember(d.id(), s.memberId())
                    .filter(p -> p.present() || s.memberId().equals(d.expertId()))
                    .map(p -> new Seat(d, DialogRole.EXPERT, p))
                    .orElseGet(() -> new Seat(d, s.admin() ? DialogRole.ADMIN : DialogRole.COLLEAGUE, null));
        };
    }
}
