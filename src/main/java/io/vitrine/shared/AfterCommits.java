package io.vitrine.shared;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Defers work (say, a push to sockets) until the surrounding transaction has committed. */
public final class AfterCommits {

    private AfterCommits() {
    }

    /** Runs after the surrounding transaction commits (never after a rollback), or at once outside of one. */
    public static void run(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }
}
