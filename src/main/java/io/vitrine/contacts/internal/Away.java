package io.vitrine.contacts.internal;

import io.vitrine.shared.Actor;
import io.vitrine.shared.Db;
import io.vitrine.shared.DomainException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Away mode: while an expert is away, each contact who writes gets the auto-response once per away period. */
@Service
public class Away {

    public record Period(String message, Instant backAt, Instant since) {

        /** The auto-response as sent: the expert's text and when to expect an answer. */
        String autoResponse() {
            String when = backAt == null ? "I will answer as soon as I am back."
                    : "I am back on " + DateTimeFormatter.ofPattern("EEEE d MMMM, HH:mm 'UTC'", Locale.ENGLISH)
                            .format(backAt.atOffset(ZoneOffset.UTC)) + " and will answer then.";
            return message.strip() + "\n\n" + when;
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    Away(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public Period set(Actor.Staff staff, String message, Instant backAt) {
        if (message == null || message.isBlank() || message.length() > 2000) {
            throw DomainException.invalidField("message", "Write the auto-response your contacts get (up to 2000 characters).");
        }
        if (backAt != null && !backAt.isAfter(clock.instant())) {
            throw DomainException.invalidField("backAt", "The return time must be in the future.");
        }
        Instant now = clock.instant();
        // Changing the text keeps the period; only going away anew starts one (and auto-responses again).
        Instant since = current(staff.memberId()).map(Period::since).orElse(now);
        jdbc.sql("delete from contact_away where member_id = ?").param(staff.memberId()).update();
        jdbc.sql("insert into contact_away (member_id, merchant_id, message, back_at, since) values (?, ?, ?, ?, ?)")
                .params(staff.memberId(), staff.merchantId(), message.strip(), Db.ts(backAt), Db.ts(since)).update();
        return new Period(message.strip(), backAt, since);
    }

    @Transactional
    public void clear(Actor.Staff staff) {
        jdbc.sql("delete from contact_away where member_id = ?").param(staff.memberId()).update();
    }

    /** The member's away period, if they are away now (a period whose return time passed is over). */
    public Optional<Period> current(UUID memberId) {
        return jdbc.sql("select message, back_at, since from contact_away where member_id = ?").param(memberId)
                .query((rs, n) -> new Period(rs.getString("message"), Db.instant(rs, "back_at"), Db.instant(rs, "since")))
                .optional().filter(p -> p.backAt() == null || p.backAt().isAfter(clock.instant()));
    }
}
