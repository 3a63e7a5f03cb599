package io.vitrine.dialog.internal;

import io.vitrine.dialog.CustomerPresenceApi;
import io.vitrine.dialog.DialogStatus;
import io.vitrine.dialog.EventKind;
import io.vitrine.merchant.AbandonedByExpert;
import io.vitrine.merchant.Member;
import io.vitrine.merchant.Presence;
import io.vitrine.merchant.MerchantApi;
import io.vitrine.merchant.TeamApi;
import io.vitrine.merchant.PresenceProperties;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Dialogs whose people are gone: customers' connections are tracked in the database (so any node may sweep), and
 * an open dialog without customers for the presence grace period ends on its own; the live dialogs of an expert
 * without a console go back to the queue or end, as the merchant chose.
 */
@Service
class DialogLifecycle implements CustomerPresenceApi {

    private final Dialogs dialogs;
    private final Participants participants;
    private final Offers offers;
    private final DialogLog log;
    private final DialogChanges changes;
    private final TeamApi team;
    private final MerchantApi merchants;
    private final ApplicationEventPublisher events;
    private final PresenceProperties properties;
    private final Clock clock;

    DialogLifecycle(Dialogs dialogs, Participants participants, Offers offers, DialogLog log, DialogChanges changes,
            TeamApi team, MerchantApi merchants, ApplicationEventPublisher events, PresenceProperties properties,
            Clock clock) {
        this.dialogs = dialogs;
        this.participants = participants;
        this.offers = offers;
        this.log = log;
        this.changes = changes;
        this.team = team;
        this.merchants = merchants;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void customersGone(UUID dialogId) {
        dialogs.markCustomersGone(dialogId, Instant.now(clock));
    }

    @Override
    @Transactional
    public void customersConnected(Collection<UUID> dialogIds) {
        dialogs.markCustomersBack(dialogIds);
    }

    /** Ends the dialog if, checked again under its lock, no customer has been connected since {@code before}. */
    @Transactional
    void endIfCustomersGone(UUID dialogId, Instant before) {
        DialogRow d = dialogs.lock(dialogId).orElse(null);
        if (d == null || !dialogs.customersGoneBefore(dialogId, before)) {
            return;
        }
        Instant now = Instant.now(clock);
        endOnItsOwn(d, DialogRow.EndReason.CUSTOMERS_GONE, now);
        log.add(dialogId, DialogLog.Reason.CUSTOMERS_GONE, null,
                Long.toString(properties.grace().toSeconds()), now);
        changes.changed(dialogId);
    }

    /** The live dialog of an expert without a console goes back to the queue or ends, as the merchant chose. */
    @Transactional
    void releaseFromGoneExpert(UUID dialogId, UUID expertId) {
        DialogRow d = dialogs.lock(dialogId).orElse(null);
        if (d == null || d.status() != DialogStatus.ACTIVE || !expertId.equals(d.expertId())) {
            return;
        }
        Instant now = Instant.now(clock);
        String name = team.findMember(expertId).map(Member::displayName).orElse(null);
        // Gone for the grace period means Offline; without this the requeued dialog could be offered straight back to
        // the absent expert before the presence sweep gets to them, and wait out a whole offer time.
        team.setPresence(expertId, Presence.OFFLINE);
        if (merchants.get(d.merchantId()).settings().abandonedByExpert() == AbandonedByExpert.END) {
            endOnItsOwn(d, DialogRow.EndReason.EXPERT_GONE, now);
            log.add(dialogId, DialogLog.Reason.EXPERT_GONE_ENDED, expertId, name, now);
        } else {
            dialogs.requeue(dialogId);
            participants.ofMember(dialogId, expertId).filter(Participants.Row::present).ifPresent(expert -> {
                participants.leave(expert.id(), now);
                changes.append(d, EventKind.LEFT, expert, null, null, now);
            });
            log.add(dialogId, DialogLog.Reason.EXPERT_GONE_REQUEUED, expertId, name, now);
            events.publishEvent(new RoutingTriggers.RoutingNeeded(d.merchantId()));
        }
        changes.changed(dialogId);
    }

    private void endOnItsOwn(DialogRow d, DialogRow.EndReason reason, Instant now) {
        offers.withdrawAll(d.id());
        dialogs.end(d.id(), now, reason);
        changes.append(d, EventKind.ENDED, null, null, null, now);
        participants.leaveAll(d.id(), now);
        if (d.expertId() != null) {
            team.markIdleFrom(d.expertId());
        }
        events.publishEvent(new RoutingTriggers.RoutingNeeded(d.merchantId()));
    }
}
