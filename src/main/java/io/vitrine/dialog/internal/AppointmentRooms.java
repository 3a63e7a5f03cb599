package io.vitrine.dialog.internal;

import io.vitrine.shared.Actor;
import io.vitrine.dialog.DialogMode;
import io.vitrine.dialog.DialogParty;
import io.vitrine.dialog.DialogStatus;
import io.vitrine.dialog.EventKind;
import io.vitrine.dialog.Membership;
import io.vitrine.dialog.ParticipantRole;
import io.vitrine.dialog.ScheduledDialogsApi;
import io.vitrine.merchant.Member;
import io.vitrine.merchant.TeamApi;
import io.vitrine.shared.DomainException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static io.vitrine.shared.Db.ts;

/**
 * Dialogs that continue as an appointment. At the appointment's time the original dialog is live again (ADR
 * "appointments continue their dialog"): same id, same timeline, the same people in the same seats.
 */
@Service
class AppointmentRooms implements ScheduledDialogsApi {

    private final Dialogs dialogs;
    private final Participants participants;
    private final DialogAccess access;
    private final DialogChanges changes;
    private final Offers offers;
    private final DialogLog log;
    private final TeamApi team;
    private final JdbcClient jdbc;
    private final Clock clock;

    AppointmentRooms(Dialogs dialogs, Participants participants, DialogAccess access, DialogChanges changes,
            Offers offers, DialogLog log, TeamApi team, JdbcClient jdbc, Clock clock) {
        this.dialogs = dialogs;
        this.participants = participants;
        this.access = access;
        this.changes = changes;
        this.offers = offers;
        this.log = log;
        this.team = team;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public DialogParty party(UUID dialogId, Actor actor) {
        var seat = access.read(dialogId, actor);
        return party(seat.dialog(), seat.membership());
    }

    @Override
    @Transactional(readOnly = true)
    public DialogParty people(UUID dialogId) {
        return party(dialogs.find(dialogId).orElseThrow(() -> DomainException.notFound("Dialog")), null);
    }

    private DialogParty party(DialogRow d, Membership caller) {
        UUID dialogId = d.id();
        List<UUID> customers = participants.ofDialog(dialogId).stream()
                .filter(p -> p.role() != ParticipantRole.EXPERT).map(Participants.Row::shopperId)
                .filter(Objects::nonNull).distinct().toList();
        return new DialogParty(d.id(), d.merchantId(), d.status(), d.expertId(), d.hostShopperId(), customers, caller);
    }

    @Override
    @Transactional
    public void reopenForAppointment(UUID dialogId, UUID expertId) {
        DialogRow d = dialogs.lock(dialogId).orElseThrow(() -> DomainException.notFound("Dialog"));
        if (d.status() == DialogStatus.ACTIVE && expertId.equals(d.expertId())) {
            return;
        }
        Member expert = team.findMember(expertId).filter(m -> m.merchantId().equals(d.merchantId()))
                .orElseThrow(() -> DomainException.notFound("Team member"));
        Instant now = Instant.now(clock);
        offers.withdrawAll(dialogId);
        // Nobody is connected yet: the dialog waits for its people instead of counting them as gone.
        jdbc.sql("""
                update dialog set status = 'ACTIVE', expert_id = ?, accepted_at = ?, ended_at = null, end_reason = null,
                    customers_gone_since = null, media_mode = ?
                where id = ?
                """).params(expert.id(), ts(now), DialogMode.VIDEO.name(), dialogId).update();
        participants.ofShopper(dialogId, d.hostShopperId()).filter(host -> !host.present())
                .ifPresent(host -> participants.rejoin(host.id(), host.screenName()));
        Participants.Row seat = participants.ofMember(dialogId, expert.id())
                .map(p -> {
                    participants.rejoin(p.id(), expert.displayName());
                    return p;
                })
                .orElseGet(() -> participants.add(dialogId, ParticipantRole.EXPERT, null, expert.id(),
                        expert.displayName(), now));
        changes.append(d, EventKind.ACCEPTED, seat, null, null, now);
        log.add(dialogId, DialogLog.Reason.ACCEPTED, expert.id(), expert.displayName(), now);
        changes.changed(dialogId);
    }
}
