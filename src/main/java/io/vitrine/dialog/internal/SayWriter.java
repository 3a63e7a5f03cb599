package io.vitrine.dialog.internal;

import io.vitrine.shared.Actor;
import io.vitrine.shared.AfterCommits;
import io.vitrine.shared.Avatar;
import io.vitrine.dialog.DialogStatus;
import io.vitrine.dialog.EventKind;
import io.vitrine.dialog.Permission;
import io.vitrine.dialog.TimelineEvent;
import io.vitrine.shared.DomainException;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit of chat messages (docs/adr/0012-group-commit-of-chat-messages.md). One writer thread stores the
 * messages that arrive together in one transaction: one statement locks the rows of all their dialogs, one reads
 * their participants, one batch moves their sequences on and one inserts the events, then one commit for all.
 * <p>
 * What follows a commit (the fan-out registered through {@link AfterCommits}, then answering the callers) runs on a
 * second thread, {@code say-fanout}, so the writer starts on the next batch at once. The writer hands it each
 * committed batch's actions in commit order through a short bounded queue (when it is full, the writer waits), and
 * the one fan-out thread runs them in that order: every dialog's events still leave in sequence order, and each
 * caller gets its event (or its refusal) only after the commit that stored it, so an acknowledged message is
 * durable.
 */
@Component
class SayWriter {

    /** Says per transaction at most: bounds the time the dialog rows stay locked. */
    static final int MAX_BATCH = 256;

    /** Committed batches waiting for their fan-out, at most: beyond, the writer waits (backpressure). */
    static final int FANOUT_BACKLOG = 4;

    private static final Logger log = LoggerFactory.getLogger(SayWriter.class);

    /** One message waiting to be stored, and whoever waits for the outcome. */
    private record Pending(UUID dialogId, Actor actor, String text, String clientRef,
            CompletableFuture<TimelineEvent> outcome) {}

    /** What a committed batch leaves to do, in order: its fan-out, then answering its callers. */
    private record Committed(List<Runnable> actions) {}

    /** Tells the fan-out thread that the writer has stopped and everything before it was handed over. */
    private static final Committed END = new Committed(List.of());

    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final BlockingQueue<Committed> committed = new ArrayBlockingQueue<>(FANOUT_BACKLOG);
    /** The current batch's after-commit actions, collected at its commits; the writer thread's alone. */
    private final List<Runnable> afterCommit = new ArrayList<>();
    private final Dialogs dialogs;
    private final Participants participants;
    private final Timeline timeline;
    private final DialogAccess access;
    private final DialogChanges changes;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Thread writer;
    private final Thread fanout;
    private volatile boolean running = true;

    SayWriter(Dialogs dialogs, Participants participants, Timeline timeline, DialogAccess access, DialogChanges changes,
            TransactionTemplate transactions, Clock clock) {
        this.dialogs = dialogs;
        this.participants = participants;
        this.timeline = timeline;
        this.access = access;
        this.changes = changes;
        this.transactions = transactions;
        this.clock = clock;
        this.fanout = Thread.ofPlatform().daemon().name("say-fanout").start(this::fanOut);
        this.writer = Thread.ofPlatform().daemon().name("say-writer").start(this::run);
    }

    /**
     * Stores a message (already checked for length) and returns its event once committed. Inside a caller's own
     * transaction it is stored right there instead, as part of that transaction.
     */
    TimelineEvent say(UUID dialogId, Actor actor, String text, String clientRef) {
        var pending = new Pending(dialogId, actor, text, clientRef, new CompletableFuture<>());
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            store(List.of(pending)).run();
        } else {
            if (!running) {
                throw new IllegalStateException("Shutting down");
            }
            queue.add(pending);
        }
        try {
            return pending.outcome().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private void run() {
        AfterCommits.handOffOnThisThread(afterCommit::add);
        try {
            while (running || !queue.isEmpty()) {
                List<Pending> batch = new ArrayList<>();
                try {
                    Pending first = queue.poll(1, TimeUnit.SECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                    queue.drainTo(batch, MAX_BATCH - 1);
                    write(batch);
                } catch (InterruptedException e) {
                    running = false;
                } catch (Throwable e) {
                    log.error("Storing {} chat messages failed", batch.size(), e);
                    afterCommit.add(() -> batch.forEach(p -> p.outcome().completeExceptionally(e)));
                }
                if (!afterCommit.isEmpty()) {
                    handOff(new Committed(List.copyOf(afterCommit)));
                    afterCommit.clear();
                }
            }
        } finally {
            handOff(END);
        }
    }

    /** Waits while the fan-out is {@link #FANOUT_BACKLOG} batches behind; an interrupt asks to stop, after this. */
    private void handOff(Committed batch) {
        while (true) {
            try {
                committed.put(batch);
                return;
            } catch (InterruptedException e) {
                running = false;
            }
        }
    }

    /** Runs the committed batches' actions, one batch after the other, until the writer has stopped. */
    private void fanOut() {
        while (true) {
            Committed batch;
            try {
                batch = committed.take();
            } catch (InterruptedException e) {
                continue; // stops only after the writer, so that nothing it committed is left unanswered
            }
            if (batch == END) {
                return;
            }
            for (Runnable action : batch.actions()) {
                try {
                    action.run();
                } catch (Throwable e) {
                    log.error("An action after a chat commit failed", e);
                }
            }
        }
    }

    /**
     * One transaction for the batch; when it fails, each message alone, so one bad message fails only itself. What
     * is left to do after each commit (and the refusals) goes to {@link #afterCommit}, in order.
     */
    private void write(List<Pending> batch) {
        try {
            afterCommit.add(transactions.execute(status -> store(batch)));
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                afterCommit.add(() -> batch.getFirst().outcome().completeExceptionally(e));
                return;
            }
            log.debug("A batch of {} messages failed ({}); storing them one by one", batch.size(), e.toString());
            batch.forEach(pending -> write(List.of(pending)));
        }
    }

    /**
     * Stores the batch in the current transaction; returns what completes the callers, to run once it committed
     * (after the fan-out that the announcements register for the commit).
     */
    private Runnable store(List<Pending> batch) {
        Map<UUID, List<Pending>> byDialog = new LinkedHashMap<>();
        batch.forEach(p -> byDialog.computeIfAbsent(p.dialogId(), id -> new ArrayList<>()).add(p));
        Map<Pending, Object> outcomes = new LinkedHashMap<>();
        Instant now = Instant.now(clock);
        // One statement each for the whole batch: the row locks (taken in the order of the ids, so that two
        // writers of two nodes never wait for each other), the participants, the sequences and the events.
        Map<UUID, DialogRow> locked = dialogs.lockAll(byDialog.keySet());
        Map<UUID, List<Participants.Row>> seatsByDialog = participants.ofDialogs(locked.keySet());
        Map<UUID, Long> lastSeqs = new LinkedHashMap<>();
        List<Timeline.Authored> stored = new ArrayList<>();
        Map<Participants.Row, Avatar> avatars = new IdentityHashMap<>();
        for (var entry : byDialog.entrySet()) {
            DialogRow d = locked.get(entry.getKey());
            if (d == null) {
                entry.getValue().forEach(p -> outcomes.put(p, DomainException.notFound("Dialog")));
                continue;
            }
            List<Participants.Row> seats = seatsByDialog.getOrDefault(d.id(), List.of());
            long seq = d.lastSeq();
            for (Pending p : entry.getValue()) {
                try {
                    Participants.Row author = author(access.seat(d, p.actor(), seats), p.actor());
                    var event = new TimelineEvent(d.id(), ++seq, EventKind.MESSAGE, now,
                            avatars.computeIfAbsent(author, Participants.Row::avatar), p.text(), p.clientRef());
                    stored.add(new Timeline.Authored(event, author.id()));
                    outcomes.put(p, event);
                } catch (DomainException refused) {
                    outcomes.put(p, refused);
                }
            }
            if (seq != d.lastSeq()) {
                lastSeqs.put(d.id(), seq);
            }
        }
        if (!stored.isEmpty()) {
            dialogs.advanceSeqs(lastSeqs);
            timeline.insertAll(stored);
            stored.forEach(s -> changes.announce(locked.get(s.event().dialogId()), s.event()));
        }
        return () -> outcomes.forEach((p, outcome) -> {
            if (outcome instanceof TimelineEvent event) {
                p.outcome().complete(event);
            } else {
                p.outcome().completeExceptionally((RuntimeException) outcome);
            }
        });
    }

    /** Who may write in the dialog, in the order of the checks a user sees the refusals in. */
    static Participants.Row author(DialogAccess.Seat seat, Actor actor) {
        DialogRow d = seat.dialog();
        boolean accepted = d.status() != DialogStatus.WAITING && d.status() != DialogStatus.MESSAGE;
        if (actor instanceof Actor.Staff && !accepted) {
            throw DomainException.conflict("not_accepted", "Accept the dialog before writing in it.");
        }
        Participants.Row author = seat.require(Permission.CHAT).participant();
        if (d.status() == DialogStatus.ENDED) {
            throw DomainException.conflict("ended", "This dialog has ended; start a new one to keep talking.");
        }
        return author;
    }

    /** Lets the writer store what is queued and the fan-out thread finish what was committed, then stops both. */
    @PreDestroy
    void stop() throws InterruptedException {
        running = false;
        writer.join(TimeUnit.SECONDS.toMillis(10));
        fanout.join(TimeUnit.SECONDS.toMillis(10));
    }
}
