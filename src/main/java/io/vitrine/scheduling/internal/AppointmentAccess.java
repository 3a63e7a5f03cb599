package io.vitrine.scheduling.internal;

import io.vitrine.shared.Actor;
import io.vitrine.shared.DialogRole;
import io.vitrine.dialog.Permission;
import io.vitrine.dialog.PermissionMatrix;
import io.vitrine.dialog.ScheduledDialogsApi;
import io.vitrine.shared.DomainException;
import org.springframework.stereotype.Component;

/**
 * Who may do what with an appointment: in a dialog, the caller's seat there (the permission matrix); for a booking,
 * the booker sits as its Host, its expert as the expert, any other team member looks on. An appointment of another
 * merchant, or one a shopper takes no part in, is not found.
 */
@Component
class AppointmentAccess {

    private final ScheduledDialogsApi dialogs;

    AppointmentAccess(ScheduledDialogsApi dialogs) {
        this.dialogs = dialogs;
    }

    void require(Appointment a, Actor actor, Permission permission) {
        if (!a.merchantId().equals(actor.merchantId())) {
            throw DomainException.notFound("Appointment");
        }
        boolean allowed = a.dialogId() != null
                ? dialogs.party(a.dialogId(), actor).caller().permissions().contains(permission)
                : PermissionMatrix.allows(bookingRole(a, actor), permission);
        if (!allowed) {
            throw DomainException.forbidden(permission.refusal());
        }
    }

    private static DialogRole bookingRole(Appointment a, Actor actor) {
        return switch (actor) {
            case Actor.Shopper s when s.shopperId().equals(a.hostShopperId()) -> DialogRole.HOST;
            case Actor.Shopper s -> throw DomainException.notFound("Appointment");
            case Actor.Staff s when s.memberId().equals(a.expertId()) -> DialogRole.EXPERT;
            case Actor.Staff s -> s.admin() ? DialogRole.ADMIN : DialogRole.COLLEAGUE;
        };
    }
}
