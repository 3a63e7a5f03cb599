package io.vitrine.contacts.internal;

import io.vitrine.shared.Actor;
import io.vitrine.notifications.Channel;
import io.vitrine.notifications.Notification;
import io.vitrine.notifications.NotificationsApi;
import io.vitrine.notifications.Recipient;
import io.vitrine.realtime.Push;
import io.vitrine.shared.Db;
import io.vitrine.shared.DomainException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminders on a contact: when due, the expert gets a notice with Web Push (through notifications) and a console
 * alert. Stored in the database and fired by one node at a time; a reminder fires once (claimed by its fired_at).
 */
@Service
public class Reminders {

    private static final Logger LOG = LoggerFactory.getLogger(Reminders.class);

    public record Reminder(UUID id, UUID contactId, Instant dueAt, String note, Instant firedAt) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Threads threads;
    private final Contacts contacts;
    private final NotificationsApi notifications;
    private final Push push;
    private final TransactionTemplate tx;

    Reminders(JdbcClient jdbc, Clock clock, Threads threads, Contacts contacts, NotificationsApi notifications, Push push,
            TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.threads = threads;
        this.contacts = contacts;
        this.notifications = notifications;
        this.push = push;
        this.tx = tx;
    }

    public Reminder add(Actor.Staff staff, UUID contactId, Instant dueAt, String note) {
        Contact contact = threads.visible(staff, contactId);
        if (dueAt == null || !dueAt.isAfter(clock.instant())) {
            throw DomainException.invalidField("dueAt", "Choose a date and time in the future.");
        }
        if (note == null || note.isBlank() || note.length() > 1000) {
            throw DomainException.invalidField("note", "Write what to remember (up to 1000 characters).");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into contact_reminder (id, merchant_id, contact_id, member_id, due_at, note, created_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, staff.merchantId(), contact.id(), staff.memberId(), Db.ts(dueAt), note.strip(),
                        Db.ts(clock.instant()))
                .update();
        return new Reminder(id, contact.id(), dueAt, note.strip(), null);
    }

    public List<Reminder> upcoming(Actor.Staff staff) {
        return jdbc.sql("""
                select * from contact_reminder where member_id = ? and merchant_id = ? and fired_at is null
                order by due_at limit 200""")
                .params(staff.memberId(), staff.merchantId()).query(Reminders::row).list();
    }

    @Scheduled(fixedDelayString = "${vitrine.contacts.reminders.poll-interval:5s}")
    @SchedulerLock(name = "contacts-reminders", lockAtMostFor = "5m")
    void tick() {
        try {
            fireDue();
        } catch (RuntimeException e) {
            LOG.warn("Firing contact reminders failed; trying again on the next tick", e);
        }
    }

    /** Fires every due reminder once; returns how many. */
    public int fireDue() {
        Instant now = clock.instant();
        List<UUID> due = jdbc.sql("select id from contact_reminder where fired_at is null and due_at <= ? limit 100")
                .param(Db.ts(now)).query(UUID.class).list();
        int fired = 0;
        for (UUID id : due) {
            Boolean done = tx.execute(status -> fire(id, now));
            fired += Boolean.TRUE.equals(done) ? 1 : 0;
        }
        return fired;
    }

    private boolean fire(UUID id, Instant now) {
        if (jdbc.sql("update contact_reminder set fired_at = ? where id = ? and fired_at is null")
                .params(Db.ts(now), id).update() != 1) {
            return false;
        }
        Reminder r = jdbc.sql("select * from contact_reminder where id = ?").param(id).query(Reminders::row).single();
        UUID memberId = jdbc.sql("select member_id from contact_reminder where id = ?").param(id).query(UUID.class).single();
        Contact contact = contacts.findAnyMerchant(r.contactId()).orElseThrow();
        notifications.notify(Notification.of("contacts.reminder", "Reminder: " + contact.screenName(), r.note(),
                "/console#contacts/" + contact.id(), Channel.PUSH), List.of(Recipient.staff(contact.merchantId(), memberId)));
        var frame = new ContactFrames.Reminder(r.id(), contact.id(), contact.screenName(), r.note(), r.dueAt());
        AfterCommit.run(() -> push.toMember(memberId, frame));
        return true;
    }

    private static Reminder row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Reminder(rs.getObject("id", UUID.class), rs.getObject("contact_id", UUID.class),
                Db.instant(rs, "due_at"), rs.getString("note"), Db.instant(rs, "fired_at"));
    }
}
