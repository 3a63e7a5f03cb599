package io.vitrine.scheduling.internal;

import io.vitrine.realtime.Push;
import io.vitrine.scheduling.AppointmentChanged;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Shows a changed appointment at once on the dialog's widgets and the expert's consoles. Ephemeral like all fan-out:
 * a client that missed it reads the appointments again when it (re)opens the dialog.
 */
@Component
class AppointmentRelay {

    private final Appointments appointments;
    private final AppointmentViews views;
    private final Push push;

    AppointmentRelay(Appointments appointments, AppointmentViews views, Push push) {
        this.appointments = appointments;
        this.views = views;
        this.push = push;
    }

    @TransactionalEventListener
    void on(AppointmentChanged changed) {
        appointments.find(changed.appointmentId()).map(views::of).ifPresent(view -> {
            var frame = new AppointmentFrame(changed.dialogId(), view);
            if (changed.dialogId() != null) {
                push.toDialog(changed.dialogId(), frame);
            }
            push.toMember(changed.expertId(), frame);
        });
    }
}
