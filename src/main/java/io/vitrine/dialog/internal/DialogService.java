package io.vitrine.dialog.internal;

import io.vitrine.shared.Actor;
import io.vitrine.dialog.CustomerDetails;
import io.vitrine.dialog.DialogApi;
import io.vitrine.dialog.DialogMode;
import io.vitrine.dialog.DialogResume;
import io.vitrine.shared.DialogRole;
import io.vitrine.dialog.Membership;
import io.vitrine.dialog.Permission;
import io.vitrine.dialog.PermissionMatrix;
import io.vitrine.dialog.StreamSeat;
import io.vitrine.dialog.DialogStatus;
import io.vitrine.dialog.DialogTranscript;
import io.vitrine.dialog.DialogView;
import io.vitrine.dialog.EventKind;
import io.vitrine.dialog.ParticipantRole;
import io.vitrine.dialog.StaffQueue;
import io.vitrine.dialog.TimelineEvent;
import io.vitrine.merchant.Member;
import io.vitrine.merchant.TeamApi;
import io.vitrine.shared.Avatar;
import io.vitrine.shared.DomainException;
import io.vitrine.shopper.Shopper;
import io.vitrine.shopper.ShopperApi;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The life of a dialog: request, accept, chat, end, rate. Each change is stored, logged and then announced. */
@Service
public class DialogService implements DialogApi {

    public static final int MAX_MESSAGE_LENGTH = 2000;

    private final Dialogs dialogs;
    private final Participants participants;
    private final Timeline timeline;
    private final Offers offers;
    private final DialogLog log;
    private final DialogViews views;
    private final DialogAccess access;
    private final DialogChanges changes;
    private final TeamApi team;
    private final ShopperApi shoppers;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AnswerMail answerMail;
    private final SayWriter sayWriter;

    DialogService(Dialogs dialogs, Participants participants, Timeline timeline, Offers offers, DialogLog log,
            DialogViews views, DialogAccess access, DialogChanges changes, TeamApi team, ShopperApi shoppers,
            ApplicationEventPublisher events, Clock clock, AnswerMail answerMail, SayWriter sayWriter) {
        this.dialogs = dialogs;
        this.participants = participants;
        this.timeline = timeline;
        this.offers = offers;
        this.log = log;
        this.views = views;
        this.access = access;
        this.changes = changes;
        this.team = team;
        this.shoppers = shoppers;
        this.events = events;
        this.clock = clock;
        this.answerMail = answerMail;
        this.sayWriter = sayWriter;
    }

    /** {@code textOnly} starts the dialog as chat without video; {@code pageUrl} is where the button was clicked. */
    public record Request(String expert, String store, String message, boolean textOnly, String pageUrl) {

        public Request(String expert, String store, String message, boolean textOnly) {
            this(expert, store, message, textOnly, null);
        }
    }

    /**
     * A shopper asks for a live dialog. A shopper with an open dialog gets that one back. With nobody online,
     * a message is stored for experts to answer later; without a message the request is refused.
     */
    @Transactional
    public DialogView request(Shopper shopper, Request request) {
        List<DialogRow> open = dialogs.openOfShopper(shopper.id());
        if (!open.isEmpty()) {
            return views.of(open.getFirst());
        }
        String message = normalized(request.message());
        boolean anyoneOnline = !team.online(shopper.merchantId()).isEmpty();
        if (!anyoneOnline && message == null) {
            throw DomainException.conflict("no_expert_online",
                    "No expert is online right now. Leave a message and an expert will answer it here.");
        }
        Instant now = Instant.now(clock);
        UUID targetExpert = request.expert() == null ? null
                : team.findByHandle(shopper.merchantId(), request.expert()).map(Member::id).orElse(null);
        String store = request.store() == null || request.store().isBlank() ? null : request.store().strip();
        var row = new DialogRow(UUID.randomUUID(), shopper.merchantId(),
                anyoneOnline ? DialogStatus.WAITING : DialogStatus.MESSAGE,
                request.textOnly() ? DialogMode.TEXT : DialogMode.VIDEO, shopper.id(), targetExpert,
                dialogs.previousExpertOf(shopper.id()).orElse(null), store, null, now, null, null, 0, null, null, null,
                pageUrl(request.pageUrl()));
        dialogs.insert(row);
        Participants.Row host = participants.add(row.id(), ParticipantRole.HOST, shopper.id(), null, shopper.screenName(), now);
        if (anyoneOnline) {
            changes.append(row, EventKind.REQUESTED, host, null, null, now);
            if (message != null) {
                changes.append(row, EventKind.MESSAGE, host, message, null, now);
            }
            log.add(row.id(), requestReason(row), null, row.targetStore(), now);
        } else {
            changes.append(row, EventKind.MESSAGE_LEFT, host, message, null, now);
            log.add(row.id(), DialogLog.Reason.MESSAGE_LEFT, null, null, now);
        }
        events.publishEvent(new RoutingTriggers.RoutingNeeded(row.merchantId()));
        return changes.changed(row.id());
    }

    /** An expert accepts a request offered to them, or answers a left message. */
    @Transactional
    public DialogView accept(UUID dialogId, Actor.Staff staff) {
        DialogRow d = access.lock(dialogId, staff).dialog();
        Instant now = Instant.now(clock);
        switch (d.status()) {
            case WAITING -> {
                var offer = offers.pending(dialogId).filter(o -> o.memberId().equals(staff.memberId()))
                        .orElseThrow(() -> DomainException.conflict("not_offered",
                                "This request is not offered to you (any more)."));
                offers.settle(offer.id(), Offers.Outcome.ACCEPTED);
            }
            case MESSAGE -> { }
            case ACTIVE, ENDED -> throw DomainException.conflict("already_taken", "This dialog has already been taken.");
        }
        offers.withdrawAll(dialogId);
        Member member = team.findMember(staff.memberId()).orElseThrow(() -> DomainException.notFound("Team member"));
        dialogs.accept(dialogId, member.id(), now);
        Participants.Row expert = participants.add(dialogId, ParticipantRole.EXPERT, null, member.id(), member.displayName(), now);
        changes.append(d, EventKind.ACCEPTED, expert, null, null, now);
        log.add(dialogId, DialogLog.Reason.ACCEPTED, member.id(), member.displayName(), now);
        team.markIdleFrom(member.id());
        events.publishEvent(new RoutingTriggers.RoutingNeeded(d.merchantId()));
        return changes.changed(dialogId);
    }

    /** The Host, the dialog's expert or an admin ends the dialog for everyone. */
    @Transactional
    public DialogView end(UUID dialogId, Actor actor) {
        var seat = access.lock(dialogId, actor).require(Permission.END);
        DialogRow d = seat.dialog();
        Participants.Row by = seat.participant();
        if (d.status() == DialogStatus.ENDED) {
            throw DomainException.conflict("already_ended", "This dialog has already ended.");
        }
        Instant now = Instant.now(clock);
        offers.withdrawAll(dialogId);
        dialogs.end(dialogId, now, DialogRow.EndReason.BY_PARTICIPANT);
        changes.append(d, EventKind.ENDED, by, null, null, now);
        participants.leaveAll(dialogId, now);
        log.add(dialogId, by == null ? DialogLog.Reason.ENDED_BY_ADMIN : DialogLog.Reason.ENDED_BY,
                actor instanceof Actor.Staff s ? s.memberId() : null, by == null ? null : by.screenName(), now);
        if (d.expertId() != null) {
            team.markIdleFrom(d.expertId());
        }
        events.publishEvent(new RoutingTriggers.RoutingNeeded(d.merchantId()));
        return changes.changed(dialogId);
    }

    /** The Host rates an ended dialog once. */
    @Transactional
    public DialogView rate(UUID dialogId, Shopper shopper, int score, String comment) {
        var seat = access.lock(dialogId, new Actor.Shopper(shopper.id(), shopper.merchantId())).require(Permission.RATE);
        DialogRow d = seat.dialog();
        Participants.Row host = seat.participant();
        if (d.status() != DialogStatus.ENDED) {
            throw DomainException.conflict("not_ended", "A dialog can be rated once it has ended.");
        }
        if (d.expertId() == null) {
            throw DomainException.conflict("nothing_to_rate", "No expert took part in this dialog, so there is nothing to rate.");
        }
        if (!d.rateable()) {
            throw DomainException.conflict("nothing_to_rate",
                    "This dialog ended on its own after everyone had left, so there is nothing to rate.");
        }
        if (d.rating() != null) {
            throw DomainException.conflict("already_rated", "This dialog has already been rated.");
        }
        Instant now = Instant.now(clock);
        dialogs.rate(dialogId, score, normalized(comment));
        changes.append(d, EventKind.RATED, host, Integer.toString(score), null, now);
        log.add(dialogId, DialogLog.Reason.RATED, null, Integer.toString(score), now);
        return changes.changed(dialogId);
    }

    /** Stored by group commit: returns once the message is durable (see {@link SayWriter}). */
    @Override
    public TimelineEvent say(UUID dialogId, Actor actor, String text, String clientRef) {
        String message = normalized(text);
        if (message == null || message.length() > MAX_MESSAGE_LENGTH) {
            throw DomainException.invalid("A message must be between 1 and " + MAX_MESSAGE_LENGTH + " characters.");
        }
        if (clientRef != null && clientRef.length() > 64) {
            throw DomainException.invalid("clientRef may have at most 64 characters.");
        }
        return sayWriter.say(dialogId, actor, message, clientRef);
    }

    @Override
    @Transactional(readOnly = true)
    public DialogView view(UUID dialogId, Actor actor) {
        return views.of(access.read(dialogId, actor).dialog());
    }

    @Override
    @Transactional(readOnly = true)
    public List<TimelineEvent> eventsAfter(UUID dialogId, long afterSeq, Actor actor) {
        access.read(dialogId, actor);
        return timeline.after(dialogId, afterSeq, Timeline.PAGE);
    }

    @Override
    @Transactional(readOnly = true)
    public DialogResume resume(UUID dialogId, long afterSeq, Actor actor) {
        var seat = access.read(dialogId, actor);
        DialogView view = views.of(seat.dialog());
        long from = afterSeq > view.lastSeq() ? 0 : afterSeq;
        return new DialogResume(view, seat.membership(), from, timeline.after(dialogId, from, Timeline.PAGE));
    }

    /** The dialog with up to {@code limit} events after {@code afterSeq}, read in one transaction. */
    @Transactional(readOnly = true)
    public DialogTranscript transcript(UUID dialogId, Actor actor, long afterSeq, int limit) {
        var seat = access.read(dialogId, actor);
        List<TimelineEvent> events = timeline.after(dialogId, afterSeq, limit + 1);
        boolean hasMore = events.size() > limit;
        List<TimelineEvent> page = hasMore ? events.subList(0, limit) : events;
        long next = page.isEmpty() ? afterSeq : page.getLast().seq();
        return new DialogTranscript(views.of(seat.dialog()), List.copyOf(page), seat.membership(), next, hasMore);
    }

    /** Who the Host is, for the staff of the dialog's merchant; contact details for admins only. */
    @Transactional(readOnly = true)
    public CustomerDetails customer(UUID dialogId, Actor.Staff staff) {
        DialogRow d = access.read(dialogId, staff).dialog();
        Shopper host = shoppers.find(d.hostShopperId()).orElseThrow(() -> DomainException.notFound("Shopper"));
        boolean hasContact = host.email() != null || host.phone() != null;
        boolean left = answerMail.wasLeftMessage(dialogId);
        boolean byEmail = AnswerMail.reachable(host);
        return staff.admin()
                ? new CustomerDetails(host.screenName(), host.fullName(), host.email(), host.phone(), d.pageUrl(), false, left, byEmail)
                : new CustomerDetails(host.screenName(), host.fullName(), null, null, d.pageUrl(), hasContact, left, byEmail);
    }

    @Transactional(readOnly = true)
    public List<DialogLog.Entry> log(UUID dialogId, Actor.Staff staff) {
        access.read(dialogId, staff);
        return log.of(dialogId);
    }

    @Override
    @Transactional(readOnly = true)
    public Avatar participant(UUID dialogId, Actor actor) {
        var seat = access.read(dialogId, actor);
        if (!seat.present()) {
            throw DomainException.forbidden("You take no part in this dialog.");
        }
        return seat.participant().avatar();
    }

    @Override
    @Transactional(readOnly = true)
    public Membership membership(UUID dialogId, Actor actor) {
        return access.read(dialogId, actor).membership();
    }

    @Override
    @Transactional(readOnly = true)
    public StreamSeat streamSeat(UUID dialogId, Actor actor) {
        var seat = access.read(dialogId, actor);
        Membership you = seat.membership();
        if (!you.present() || !you.permissions().contains(Permission.SPEAK)) {
            throw DomainException.forbidden("Only the participants present in this dialog take part in its stream.");
        }
        DialogRow d = seat.dialog();
        if (d.status() != DialogStatus.ACTIVE) {
            throw DomainException.conflict("not_live", "The stream starts once an expert has accepted the dialog.");
        }
        if (d.mode() != DialogMode.VIDEO) {
            throw DomainException.conflict("text_only", "This dialog runs as text only.");
        }
        return new StreamSeat(you.participantId(), PermissionMatrix.allows(you.role(), Permission.PUBLISH_VIDEO));
    }

    /** The Host or the dialog's expert switches a live dialog between video and text only. */
    @Transactional
    public DialogView setMode(UUID dialogId, Actor actor, DialogMode mode) {
        var seat = access.lock(dialogId, actor).require(Permission.SET_MODE);
        DialogRow d = seat.dialog();
        if (d.status() == DialogStatus.ENDED || d.status() == DialogStatus.MESSAGE) {
            throw DomainException.conflict("ended", "Only a waiting or live dialog can switch between video and text only.");
        }
        if (d.mode() == mode) {
            return views.of(d);
        }
        Instant now = Instant.now(clock);
        dialogs.setMode(dialogId, mode);
        changes.append(d, EventKind.MODE, seat.participant(), mode.name(), null, now);
        log.add(dialogId, mode == DialogMode.TEXT ? DialogLog.Reason.TEXT_ONLY : DialogLog.Reason.VIDEO,
                seat.role() == DialogRole.EXPERT ? d.expertId() : null, seat.participant().screenName(), now);
        return changes.changed(dialogId);
    }

    @Transactional(readOnly = true)
    public List<DialogView> ofShopper(Shopper shopper) {
        return views.of(dialogs.ofShopper(shopper.id()));
    }

    /** Staff lists: experts see their own dialogs with {@code mine}; every list stays within the merchant. */
    @Transactional(readOnly = true)
    public List<DialogView> search(Actor.Staff staff, DialogStatus status, boolean mine, int limit) {
        return views.of(dialogs.search(staff.merchantId(), status, mine ? staff.memberId() : null, limit));
    }

    /** Built from five reads however long the queue is: hosts and last messages are loaded for all entries at once. */
    @Override
    @Transactional(readOnly = true)
    public StaffQueue staffQueue(UUID merchantId) {
        Map<UUID, Offers.Offer> pending = new HashMap<>();
        offers.ofWaitingDialogs(merchantId).stream().filter(o -> o.outcome() == null)
                .forEach(o -> pending.put(o.dialogId(), o));
        List<DialogRow> waiting = dialogs.waiting(merchantId);
        List<DialogRow> left = dialogs.leftMessages(merchantId);
        List<DialogRow> all = java.util.stream.Stream.concat(waiting.stream(), left.stream()).toList();
        Map<UUID, List<Participants.Row>> people = participants.ofDialogs(all.stream().map(DialogRow::id).toList());
        Map<UUID, String> lastMessages = dialogs.lastMessages(all);
        Instant now = Instant.now(clock);
        var waitingEntries = waiting.stream().map(d -> {
            Offers.Offer offer = pending.get(d.id());
            return entry(d, people, lastMessages, offer == null ? null : offer.memberId(),
                    offer == null ? null : offer.expiresAt(), now);
        }).toList();
        var messages = left.stream().map(d -> entry(d, people, lastMessages, null, null, now)).toList();
        return new StaffQueue(waitingEntries, messages);
    }

    @Override
    @Transactional(readOnly = true)
    public Map<UUID, Integer> queuePositions(UUID merchantId) {
        Map<UUID, Integer> positions = new HashMap<>();
        List<DialogRow> waiting = dialogs.waiting(merchantId);
        for (int i = 0; i < waiting.size(); i++) {
            positions.put(waiting.get(i).id(), i + 1);
        }
        return positions;
    }

    private static StaffQueue.Entry entry(DialogRow d, Map<UUID, List<Participants.Row>> people,
            Map<UUID, String> lastMessages, UUID offeredTo, Instant expiresAt, Instant now) {
        Avatar host = people.getOrDefault(d.id(), List.of()).stream().filter(p -> p.role() == ParticipantRole.HOST)
                .findFirst().map(Participants.Row::avatar).orElse(null);
        Long millisLeft = expiresAt == null ? null : Math.max(0, Duration.between(now, expiresAt).toMillis());
        return new StaffQueue.Entry(d.id(), host, d.createdAt(), offeredTo, expiresAt, lastMessages.get(d.id()), millisLeft);
    }

    private static DialogLog.Reason requestReason(DialogRow d) {
        if (d.targetExpertId() != null) {
            return DialogLog.Reason.REQUESTED_FROM_EXPERT;
        }
        if (d.targetStore() != null) {
            return DialogLog.Reason.REQUESTED_FOR_STORE;
        }
        return d.previousExpertId() != null ? DialogLog.Reason.REQUESTED_PREVIOUS_EXPERT : DialogLog.Reason.REQUESTED;
    }

    /** Only a web page's address is kept, as the expert sees it; anything else is dropped. */
    private static String pageUrl(String url) {
        String page = normalized(url);
        return page != null && page.length() <= 500 && page.matches("https?://\\S+") ? page : null;
    }

    private static String normalized(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
