package io.vitrine.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

/** Work deferred to after the commit runs on the committing thread, or goes in commit order to its hand-off. */
class AfterCommitsUnitTest {

    @Test
    void shouldRunAtTheCommitOnTheCommittingThread() throws Exception {
        List<String> ran = new CopyOnWriteArrayList<>();
        onOwnThread(() -> {
            String self = Thread.currentThread().getName();
            inTransaction(true, () -> {
                AfterCommits.run(() -> ran.add("first on " + Thread.currentThread().getName()));
                AfterCommits.run(() -> ran.add("second"));
                assertThat(ran).as("nothing before the commit").isEmpty();
            });
            assertThat(ran).containsExactly("first on " + self, "second");
        });
    }

    @Test
    void shouldHandTheWorkOverInCommitOrderWhenTheThreadSaysSo() throws Exception {
        List<Runnable> handedOver = new ArrayList<>();
        List<String> ran = new ArrayList<>();
        onOwnThread(() -> {
            AfterCommits.handOffOnThisThread(handedOver::add);
            inTransaction(true, () -> {
                AfterCommits.run(() -> ran.add("a"));
                AfterCommits.run(() -> ran.add("b"));
            });
            inTransaction(false, () -> AfterCommits.run(() -> ran.add("rolled back")));
            inTransaction(true, () -> AfterCommits.run(() -> ran.add("c")));
            assertThat(ran).as("none of it on the committing thread").isEmpty();
        });
        handedOver.forEach(Runnable::run);
        assertThat(ran).containsExactly("a", "b", "c");
    }

    @Test
    void shouldRunAtOnceOutsideOfATransaction() {
        List<String> ran = new ArrayList<>();
        AfterCommits.run(() -> ran.add("now"));
        assertThat(ran).containsExactly("now");
    }

    /** Ends with a commit or a rollback as a transaction manager does: the synchronizations' hooks, then cleared. */
    private static void inTransaction(boolean commit, Runnable work) {
        TransactionSynchronizationManager.initSynchronization();
        TransactionSynchronizationManager.setActualTransactionActive(true);
        try {
            work.run();
            var synchronizations = TransactionSynchronizationManager.getSynchronizations();
            if (commit) {
                TransactionSynchronizationUtils.invokeAfterCommit(synchronizations);
            }
        } finally {
            TransactionSynchronizationManager.clear();
        }
    }

    /** A thread of its own, so that its hand-off ends with it. */
    private static void onOwnThread(Runnable test) throws Exception {
        var done = new CompletableFuture<Void>();
        Thread.ofPlatform().start(() -> {
            try {
                test.run();
                done.complete(null);
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        });
        done.get();
    }
}
