package io.vitrine.dialog.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Decides which waiting request is offered to which Online expert. Pure: no I/O, no clock.
 *
 * <ul>
 *   <li>Requests are served first in, first out; each has at most one pending offer.</li>
 *   <li>An expert takes offers only while active dialogs plus pending offers stay below the capacity.</li>
 *   <li>A request with a first choice (the expert or store its button targets, otherwise the shopper's previous
 *       expert) goes only to that first choice until the fallback time has passed, then to the whole team.</li>
 *   <li>Among candidates: the button's expert, then the previous expert, then the button's store, then the least
 *       busy, and among equally busy experts the one idle longest. Experts who let this request's offer expire
 *       come last.</li>
 * </ul>
 */
final class RoutingPolicy {

    record Request(UUID dialogId, Instant createdAt, UUID targetExpert, String targetStore, UUID previousExpert,
            UUID pendingOfferTo, Set<UUID> missedBy) {}

    record Expert(UUID id, String store, Instant idleSince, int load) {}

    record Offer(UUID dialogId, UUID expertId) {}

    private RoutingPolicy() {}

    static List<Offer> plan(List<Request> fifo, List<Expert> online, int capacity, Duration fallback, Instant now) {
        Map<UUID, Integer> load = new HashMap<>();
        online.forEach(expert -> load.put(expert.id(), expert.load()));
        List<Offer> offers = new ArrayList<>();
        for (Request request : fifo) {
            if (request.pendingOfferTo() != null) {
                continue;
            }
            List<Expert> free = online.stream().filter(e -> load.get(e.id()) < capacity).toList();
            if (free.isEmpty()) {
                break;
            }
            boolean firstChoiceOnly = hasFirstChoice(request) && now.isBefore(request.createdAt().plus(fallback));
            List<Expert> candidates = firstChoiceOnly
                    ? free.stream().filter(e -> isFirstChoice(request, e)).toList()
                    : free;
            candidates.stream()
                    .min(Comparator.<Expert>comparingInt(e -> request.missedBy().contains(e.id()) ? 1 : 0)
                            .thenComparingInt(e -> preference(request, e))
                            .thenComparingInt(e -> load.get(e.id()))
                            .thenComparing(Expert::idleSince)
                            .thenComparing(Expert::id))
                    .ifPresent(chosen -> {
                        offers.add(new Offer(request.dialogId(), chosen.id()));
                        load.merge(chosen.id(), 1, Integer::sum);
                    });
        }
        return offers;
    }

    private static boolean hasFirstChoice(Request r) {
        return r.targetExpert() != null || r.targetStore() != null || r.previousExpert() != null;
    }

    private static boolean isFirstChoice(Request r, Expert e) {
        if (r.targetExpert() != null) {
            return r.targetExpert().equals(e.id());
        }
        if (r.targetStore() != null) {
            return r.targetStore().equalsIgnoreCase(Objects.requireNonNullElse(e.store(), ""));
        }
        return r.previousExpert().equals(e.id());
    }

    private static int preference(Request r, Expert e) {
        if (e.id().equals(r.targetExpert())) {
            return 0;
        }
        if (e.id().equals(r.previousExpert())) {
            return 1;
        }
        if (r.targetStore() != null && r.targetStore().equalsIgnoreCase(Objects.requireNonNullElse(e.store(), ""))) {
            return 2;
        }
        return 3;
    }
}
