package io.vitrine.scheduling.internal;

import io.vitrine.dialog.AppointmentRoomsApi;
import io.vitrine.dialog.ScheduledDialogsApi;
import io.vitrine.scheduling.AppointmentChanged;
import io.vitrine.scheduling.AppointmentStatus;
import java.time.Clock;
import java.time.Instant;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due reminders and opens appointment rooms. The ShedLock lock keeps the nodes of a cluster from polling at
 * once; what makes each reminder go out exactly once is its claim ({@link AppointmentReminders#claim}), made in the same
 * transaction as the notice it queues: a crash before the commit leaves it unclaimed for the next run.
 */
@Component
class ReminderJob {

    private static final Logger log = LoggerFactory.getLogger(ReminderJob.class);
    private static final int BATCH = 50;

    private final AppointmentReminders reminders;
    private final Appointments appointments;
    private final AppointmentNotices notices;
    private final ScheduledDialogsApi dialogs;
    private final AppointmentRoomsApi rooms;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ReminderJob(AppointmentReminders reminders, Appointments appointments, AppointmentNotices notices, ScheduledDialogsApi dialogs,
            AppointmentRoomsApi rooms, ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock) {
        this.reminders = reminders;
        this.appointments = appointments;
        this.notices = notices;
        this.dialogs = dialogs;
        this.rooms = rooms;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${vitrine.scheduling.tick-interval:5s}")
    @SchedulerLock(name = "appointment-reminders", lockAtMostFor = "60s")
    void tick() {
        sendDue(Instant.now(clock));
    }

    /** Sends what is due at {@code now}; returns how many reminders this call sent. */
    int sendDue(Instant now) {
        int sent = 0;
        for (AppointmentReminders.Due due : reminders.due(now, BATCH)) {
            try {
                if (Boolean.TRUE.equals(transactions.execute(tx -> send(due, now)))) {
                    sent++;
                }
            } catch (RuntimeException e) {
                log.warn("Reminder {} of appointment {} failed; trying again on the next run", due.kind(),
                        due.appointmentId(), e);
            }
        }
        return sent;
    }

    private boolean send(AppointmentReminders.Due due, Instant now) {
        if (!reminders.claim(due, now)) {
            return false;
        }
        Appointment a = appointments.find(due.appointmentId()).orElseThrow();
        if (a.status() != AppointmentStatus.CONFIRMED) {
            return false;
        }
        if (due.kind() == AppointmentReminders.Kind.ROOM_OPEN && a.dialogId() != null) {
            dialogs.reopenForAppointment(a.dialogId(), a.expertId());
        } else if (due.kind() == AppointmentReminders.Kind.ROOM_OPEN && a.hostShopperId() != null) {
            // A booking has no dialog to reopen: its room is a new one, straight to its expert.
            a = a.inRoom(rooms.openRoom(a.merchantId(), a.expertId(), a.hostShopperId()));
            appointments.attachDialog(a);
            events.publishEvent(new AppointmentChanged(a.merchantId(), a.id(), a.dialogId(), a.expertId()));
        }
        notices.tell(a, switch (due.kind()) {
            case DAY_BEFORE -> AppointmentNotices.What.DAY_BEFORE;
            case SOON -> AppointmentNotices.What.SOON;
            case ROOM_OPEN -> AppointmentNotices.What.ROOM_OPEN;
        });
        return true;
    }
}
