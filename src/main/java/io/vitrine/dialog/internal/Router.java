package io.vitrine.dialog.internal;

import io.vitrine.dialog.DialogEvents.QueueChanged;
import io.vitrine.merchant.Member;
import io.vitrine.merchant.MerchantApi;
import io.vitrine.merchant.MerchantSettings;
import io.vitrine.merchant.TeamApi;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Applies the {@link RoutingPolicy} to a merchant's stored queue: settles old offers and makes new ones. */
@Component
class Router {

    private final Dialogs dialogs;
    private final Offers offers;
    private final DialogLog log;
    private final TeamApi team;
    private final MerchantApi merchants;
    private final ApplicationEventPublisher events;
    private final DialogProperties properties;
    private final Clock clock;

    Router(Dialogs dialogs, Offers offers, DialogLog log, TeamApi team, MerchantApi merchants,
            ApplicationEventPublisher events, DialogProperties properties, Clock clock) {
        this.dialogs = dialogs;
        this.offers = offers;
        this.log = log;
        this.team = team;
        this.merchants = merchants;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Runs under the merchant's routing lock, so that concurrent triggers and other nodes never offer one request
     * twice. Announces {@link QueueChanged} when anything moved or when asked to. Joins the transaction of its caller
     * (each routing listener has its own; the tick has none, so each merchant gets one): a transaction of its own
     * inside the listener's would hold two pool connections per routing, and a burst of requests then starves the
     * pool (every listener holding one connection, waiting for a second).
     */
    @Transactional
    public void route(UUID merchantId, boolean announce) {
        dialogs.lockMerchantRouting(merchantId);
        Instant now = Instant.now(clock);
        MerchantSettings settings = merchants.get(merchantId).settings();
        Map<UUID, Member> online = team.online(merchantId).stream()
                .collect(Collectors.toMap(Member::id, Function.identity()));

        List<Offers.Offer> all = new ArrayList<>(offers.ofWaitingDialogs(merchantId));
        boolean changed = settleOffers(all, online, now);

        Map<UUID, UUID> pendingByDialog = all.stream().filter(o -> o.outcome() == null)
                .collect(Collectors.toMap(Offers.Offer::dialogId, Offers.Offer::memberId));
        Map<UUID, Set<UUID>> missedByDialog = all.stream().filter(o -> "MISSED".equals(o.outcome()))
                .collect(Collectors.groupingBy(Offers.Offer::dialogId,
                        Collectors.mapping(Offers.Offer::memberId, Collectors.toCollection(HashSet::new))));
        Map<UUID, Long> pendingByMember = pendingByDialog.values().stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        Map<UUID, Integer> active = dialogs.activeCountByExpert(merchantId);

        List<RoutingPolicy.Request> requests = dialogs.waiting(merchantId).stream()
                .map(d -> new RoutingPolicy.Request(d.id(), d.createdAt(), d.targetExpertId(), d.targetStore(),
                        d.previousExpertId(), pendingByDialog.get(d.id()), missedByDialog.getOrDefault(d.id(), Set.of())))
                .toList();
        List<RoutingPolicy.Expert> experts = online.values().stream()
                .map(m -> new RoutingPolicy.Expert(m.id(), m.store(), m.idleSince(),
                        active.getOrDefault(m.id(), 0) + pendingByMember.getOrDefault(m.id(), 0L).intValue()))
                .toList();

        Instant expiresAt = now.plus(properties.routing().offerTimeout());
        for (var offer : RoutingPolicy.plan(requests, experts, settings.expertCapacity(),
                Duration.ofSeconds(settings.routingFallbackSeconds()), now)) {
            offers.insert(offer.dialogId(), offer.expertId(), now, expiresAt);
            log.add(offer.dialogId(), DialogLog.Reason.OFFERED, offer.expertId(),
                    online.get(offer.expertId()).displayName(), now);
            changed = true;
        }
        if (changed || announce) {
            events.publishEvent(new QueueChanged(merchantId));
        }
    }

    /**
     * Expired offers count as missed; offers to experts who are no longer Online are withdrawn. Settles them in
     * {@code all} too, so the queue is read once per routing.
     */
    private boolean settleOffers(List<Offers.Offer> all, Map<UUID, Member> online, Instant now) {
        boolean changed = false;
        for (int i = 0; i < all.size(); i++) {
            Offers.Offer offer = all.get(i);
            if (offer.outcome() != null) {
                continue;
            }
            if (!online.containsKey(offer.memberId())) {
                offers.settle(offer.id(), Offers.Outcome.WITHDRAWN);
                log.add(offer.dialogId(), DialogLog.Reason.EXPERT_OFFLINE, offer.memberId(),
                        team.findMember(offer.memberId()).map(Member::displayName).orElse(null), now);
                all.set(i, offer.settled(Offers.Outcome.WITHDRAWN));
                changed = true;
            } else if (!offer.expiresAt().isAfter(now)) {
                offers.settle(offer.id(), Offers.Outcome.MISSED);
                log.add(offer.dialogId(), DialogLog.Reason.MISSED, offer.memberId(),
                        online.get(offer.memberId()).displayName(), now);
                all.set(i, offer.settled(Offers.Outcome.MISSED));
                changed = true;
            }
        }
        return changed;
    }
}
