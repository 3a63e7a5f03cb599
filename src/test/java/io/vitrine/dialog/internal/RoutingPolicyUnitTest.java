package io.vitrine.dialog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.dialog.internal.RoutingPolicy.Expert;
import io.vitrine.dialog.internal.RoutingPolicy.Offer;
import io.vitrine.dialog.internal.RoutingPolicy.Request;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RoutingPolicyUnitTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final Duration FALLBACK = Duration.ofSeconds(60);

    private final UUID anna = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private final UUID ben = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    private final UUID cleo = UUID.fromString("00000000-0000-0000-0000-00000000000c");

    @Test
    void shouldServeRequestsFirstInFirstOutToTheExpertIdleLongest() {
        Request first = request(10), second = request(5);
        List<Offer> offers = plan(List.of(first, second), List.of(expert(anna, 30, 0), expert(ben, 120, 0)), 3);
        assertThat(offers).containsExactly(new Offer(first.dialogId(), ben), new Offer(second.dialogId(), anna));
    }

    @Test
    void shouldNotOfferBeyondTheExpertsCapacity() {
        Request first = request(10), second = request(5);
        List<Offer> offers = plan(List.of(first, second), List.of(expert(anna, 30, 1)), 2);
        assertThat(offers).containsExactly(new Offer(first.dialogId(), anna));
    }

    @Test
    void shouldKeepEveryoneWaitingInOrderWhenNobodyIsFree() {
        List<Offer> offers = plan(List.of(request(10), request(5)), List.of(expert(anna, 30, 3)), 3);
        assertThat(offers).isEmpty();
    }

    @Test
    void shouldNotOfferARequestThatAlreadyHasAPendingOffer() {
        Request offered = new Request(UUID.randomUUID(), NOW.minusSeconds(5), null, null, null, anna, Set.of());
        assertThat(plan(List.of(offered), List.of(expert(ben, 30, 0)), 3)).isEmpty();
    }

    @Test
    void shouldGiveATargetedRequestOnlyToTheTargetedExpertBeforeTheFallbackTime() {
        Request targeted = new Request(UUID.randomUUID(), NOW.minusSeconds(10), ben, null, null, null, Set.of());
        assertThat(plan(List.of(targeted), List.of(expert(anna, 300, 0), expert(ben, 10, 3)), 3)).isEmpty();
        assertThat(plan(List.of(targeted), List.of(expert(anna, 300, 0), expert(ben, 10, 0)), 3))
                .containsExactly(new Offer(targeted.dialogId(), ben));
    }

    @Test
    void shouldGiveATargetedRequestToTheWholeTeamAfterTheFallbackTime() {
        Request targeted = new Request(UUID.randomUUID(), NOW.minusSeconds(61), ben, null, null, null, Set.of());
        assertThat(plan(List.of(targeted), List.of(expert(anna, 300, 0), expert(ben, 10, 3)), 3))
                .containsExactly(new Offer(targeted.dialogId(), anna));
    }

    @Test
    void shouldStillPreferTheTargetedExpertAfterTheFallbackTimeWhenFree() {
        Request targeted = new Request(UUID.randomUUID(), NOW.minusSeconds(61), ben, null, null, null, Set.of());
        assertThat(plan(List.of(targeted), List.of(expert(anna, 300, 0), expert(ben, 10, 0)), 3))
                .containsExactly(new Offer(targeted.dialogId(), ben));
    }

    @Test
    void shouldPreferTheShoppersPreviousExpert() {
        Request returning = new Request(UUID.randomUUID(), NOW.minusSeconds(1), null, null, cleo, null, Set.of());
        assertThat(plan(List.of(returning), List.of(expert(anna, 300, 0), expert(cleo, 10, 2)), 3))
                .containsExactly(new Offer(returning.dialogId(), cleo));
    }

    @Test
    void shouldPreferTheButtonsExpertOverThePreviousOne() {
        Request r = new Request(UUID.randomUUID(), NOW.minusSeconds(1), ben, null, cleo, null, Set.of());
        assertThat(plan(List.of(r), List.of(expert(cleo, 300, 0), expert(ben, 10, 0)), 3))
                .containsExactly(new Offer(r.dialogId(), ben));
    }

    @Test
    void shouldGiveAStoreRequestToThatStoresExpertsFirst() {
        Request r = new Request(UUID.randomUUID(), NOW.minusSeconds(1), null, "Berlin", null, null, Set.of());
        List<Expert> team = List.of(new Expert(anna, "Munich", NOW.minusSeconds(300), 0),
                new Expert(ben, "berlin", NOW.minusSeconds(10), 0));
        assertThat(RoutingPolicy.plan(List.of(r), team, 3, FALLBACK, NOW)).containsExactly(new Offer(r.dialogId(), ben));
    }

    @Test
    void shouldMoveAMissedRequestOnToTheNextExpert() {
        Request missed = new Request(UUID.randomUUID(), NOW.minusSeconds(40), null, null, null, null, Set.of(ben));
        assertThat(plan(List.of(missed), List.of(expert(anna, 10, 0), expert(ben, 300, 0)), 3))
                .containsExactly(new Offer(missed.dialogId(), anna));
    }

    @Test
    void shouldOfferAgainToTheOnlyExpertWhoMissedIt() {
        Request missed = new Request(UUID.randomUUID(), NOW.minusSeconds(40), null, null, null, null, Set.of(anna));
        assertThat(plan(List.of(missed), List.of(expert(anna, 10, 0)), 3)).containsExactly(new Offer(missed.dialogId(), anna));
    }

    @Test
    void shouldOfferNothingWhenNobodyIsOnline() {
        assertThat(plan(List.of(request(3)), List.of(), 3)).isEmpty();
    }

    private List<Offer> plan(List<Request> requests, List<Expert> experts, int capacity) {
        return RoutingPolicy.plan(requests, experts, capacity, FALLBACK, NOW);
    }

    private static Request request(int secondsAgo) {
        return new Request(UUID.randomUUID(), NOW.minusSeconds(secondsAgo), null, null, null, null, Set.of());
    }

    private static Expert expert(UUID id, int idleSeconds, int load) {
        return new Expert(id, null, NOW.minusSeconds(idleSeconds), load);
    }
}
