package io.vitrine.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.shared.Actor;
import io.vitrine.dialog.DialogMode;
import io.vitrine.dialog.DialogStatus;
import io.vitrine.dialog.DialogView;
import io.vitrine.dialog.TimelineEvent;
import io.vitrine.dialog.internal.DialogService;
import io.vitrine.merchant.Member;
import io.vitrine.merchant.Merchant;
import io.vitrine.merchant.MerchantApi;
import io.vitrine.merchant.MerchantSettings;
import io.vitrine.merchant.Presence;
import io.vitrine.merchant.Role;
import io.vitrine.merchant.TeamApi;
import io.vitrine.shopper.Shopper;
import io.vitrine.shopper.ShopperApi;
import io.vitrine.shopper.internal.ShopperProfile;
import io.vitrine.shopper.internal.ShopperService;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The storage behaviour every supported database must show. Each database runs it through a subclass that only
 * says how to reach that database.
 */
abstract class PersistenceContract {

    @Autowired MerchantApi merchants;
    @Autowired TeamApi team;
    @Autowired ShopperService shoppers;
    @Autowired ShopperApi shopperApi;
    @Autowired DialogService dialogs;

    private Merchant merchant;
    private Member expert;
    private Actor.Staff expertActor;

    @BeforeEach
    void merchantWithAnOnlineExpert() {
        merchant = merchants.create("p-" + UUID.randomUUID().toString().substring(0, 8), "Persistence Shop",
                new MerchantSettings("#1f6feb", "bottom-right", "Live", true, List.of("name", "email", "phone"),
                        "https://shop.example/privacy", 60, 5, false));
        expert = team.addMember(merchant.id(), new TeamApi.NewMember(UUID.randomUUID() + "@shop.test", "Eve Expert",
                "a-long-password", Role.EXPERT, "eve", "Berlin"));
        team.setPresence(expert.id(), Presence.ONLINE);
        expertActor = new Actor.Staff(expert.id(), merchant.id(), false);
    }

    @Test
    void shouldStoreMerchantsTeamAndShoppersFaithfully() {
        Merchant stored = merchants.requireBySlug(merchant.slug());
        assertThat(stored.settings().personalDataFields()).containsExactly("name", "email", "phone");
        assertThat(stored.settings().privacyPolicyUrl()).isEqualTo("https://shop.example/privacy");
        assertThat(stored.settings().coopShopping()).as("co-op switched off is kept").isFalse();
        assertThat(team.findByHandle(merchant.id(), "EVE")).map(Member::store).contains("Berlin");
        assertThat(team.online(merchant.id())).extracting(Member::id).containsExactly(expert.id());

        var created = shoppers.create(merchant.slug(), new ShopperProfile("Zoë 🛍", "Zoë Müller", "zoe@example.com", "+49 30 123456", true));
        Shopper found = shopperApi.authenticate(created.token()).orElseThrow();
        assertThat(found.screenName()).isEqualTo("Zoë 🛍");
        assertThat(found.email()).isEqualTo("zoe@example.com");
        assertThat(shopperApi.authenticate(created.token() + "x")).isEmpty();
    }

    @Test
    void shouldKeepTheTimelineGaplessAndInOrderUnderConcurrentWriters() throws Exception {
        Shopper shopper = shopper("Alex");
        DialogView dialog = dialogs.request(shopper, new DialogService.Request(null, null, null, false));
        awaitOffer(dialog.id());
        dialogs.accept(dialog.id(), expertActor);
        Actor.Shopper host = new Actor.Shopper(shopper.id(), merchant.id());

        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> writers = new java.util.ArrayList<>();
        for (int w = 0; w < 4; w++) {
            Actor actor = w % 2 == 0 ? host : expertActor;
            int writer = w;
            writers.add(pool.submit(() -> {
                for (int i = 0; i < 25; i++) {
                    dialogs.say(dialog.id(), actor, "writer " + writer + " message " + i, null);
                }
            }));
        }
        for (Future<?> f : writers) {
            f.get();
        }
        pool.shutdown();

        List<TimelineEvent> events = dialogs.eventsAfter(dialog.id(), 0, host);
        assertThat(events).hasSize(102);
        assertThat(events.stream().map(TimelineEvent::seq).toList())
                .isEqualTo(LongStream.rangeClosed(1, 102).boxed().toList());
        assertThat(dialogs.eventsAfter(dialog.id(), 100, expertActor)).extracting(TimelineEvent::seq).containsExactly(101L, 102L);
        assertThat(dialogs.view(dialog.id(), host).lastSeq()).isEqualTo(102);
    }

    /**
     * The last message shows however many other events came after it (a long video dialog's switches and joins): the
     * newest events are searched first, the rest when none of them is a message.
     */
    @Test
    void shouldShowTheLastMessageHoweverManyOtherEventsFollowIt() {
        Shopper shopper = shopper("Casey");
        Actor.Shopper host = new Actor.Shopper(shopper.id(), merchant.id());
        DialogView dialog = dialogs.request(shopper, new DialogService.Request("eve", null, "first question", false));
        awaitOffer(dialog.id());
        dialogs.accept(dialog.id(), expertActor);
        dialogs.say(dialog.id(), host, "the last word", null);
        for (int i = 0; i < 80; i++) {
            dialogs.setMode(dialog.id(), host, i % 2 == 0 ? DialogMode.TEXT : DialogMode.VIDEO);
        }

        DialogView view = dialogs.view(dialog.id(), host);
        assertThat(view.lastSeq()).as("more events after the message than are searched first").isGreaterThan(80);
        assertThat(view.lastMessage()).isEqualTo("the last word");
        assertThat(dialogs.search(expertActor, DialogStatus.ACTIVE, false, 10)).singleElement()
                .satisfies(d -> assertThat(d.lastMessage()).isEqualTo("the last word"));
        dialogs.say(dialog.id(), expertActor, "and the answer", null);
        assertThat(dialogs.view(dialog.id(), host).lastMessage()).isEqualTo("and the answer");
    }

    @Test
    void shouldFindDialogsByStatusExpertAndShopperAndRememberThePreviousExpert() {
        Shopper shopper = shopper("Blake");
        DialogView first = dialogs.request(shopper, new DialogService.Request("eve", null, "hello", false));
        awaitOffer(first.id());
        dialogs.accept(first.id(), expertActor);
        dialogs.end(first.id(), new Actor.Shopper(shopper.id(), merchant.id()));
        dialogs.rate(first.id(), shopper, 4, "Helpful");

        assertThat(dialogs.search(expertActor, null, false, 10)).extracting(DialogView::id).containsExactly(first.id());
        assertThat(dialogs.search(expertActor, DialogStatus.ENDED, true, 10)).singleElement()
                .satisfies(d -> {
                    assertThat(d.rating()).isEqualTo(4);
                    assertThat(d.ratingComment()).isEqualTo("Helpful");
                    assertThat(d.lastMessage()).isEqualTo("hello");
                    assertThat(d.expert().name()).isEqualTo("Eve Expert");
                });
        assertThat(dialogs.search(expertActor, DialogStatus.ACTIVE, false, 10)).isEmpty();

        DialogView second = dialogs.request(shopper, new DialogService.Request(null, null, null, false));
        assertThat(dialogs.ofShopper(shopper)).extracting(DialogView::id).containsExactly(second.id(), first.id());
        awaitOffer(second.id());
        assertThat(dialogs.staffQueue(merchant.id()).waiting()).singleElement()
                .satisfies(e -> assertThat(e.offeredTo()).isEqualTo(expert.id()));
        assertThat(dialogs.log(first.id(), expertActor)).extracting(e -> e.kind().name())
                .containsExactly("CREATED", "OFFERED", "ACCEPTED", "ENDED", "RATED");
    }

    private Shopper shopper(String name) {
        var created = shoppers.create(merchant.slug(), new ShopperProfile(name, name + " Doe", name.toLowerCase() + "@example.com", "+1 555 0100", true));
        return created.shopper();
    }

    @Test
    void shouldAllowOneEmailInTheTeamsOfSeveralMerchantsButOnlyOnceInATeam() {
        Merchant other = merchants.create("p-" + UUID.randomUUID().toString().substring(0, 8), "Other Shop",
                MerchantSettings.defaults());
        String email = UUID.randomUUID() + "@both.test";
        team.addMember(merchant.id(), new TeamApi.NewMember(email, "Pat", "a-long-password", Role.ADMIN, null, null));
        team.addMember(other.id(), new TeamApi.NewMember(email, "Pat", "a-long-password", Role.ADMIN, null, null));

        assertThat(team.members(other.id())).extracting(Member::email).contains(email);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> team.addMember(other.id(),
                new TeamApi.NewMember(email, "Pat", "a-long-password", Role.EXPERT, null, null)))
                .hasMessage("A member of your team already has this email address.");
    }

    private void awaitOffer(UUID dialogId) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            boolean offered = dialogs.staffQueue(merchant.id()).waiting().stream()
                    .anyMatch(e -> e.dialogId().equals(dialogId) && expert.id().equals(e.offeredTo()));
            if (offered) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("Dialog " + dialogId + " was never offered");
    }
}
