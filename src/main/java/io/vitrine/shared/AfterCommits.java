package io.vitrine.shared;

import java.util.concurrent.Executor;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Defers work (say, a push to sockets) until the surrounding transaction has committed. */
public final class AfterCommits {

    /** Where a thread's after-commit actions go instead of running on it (the chat writer's, see SayWriter). */
    private static final ThreadLocal<Executor> HANDED_OFF = new ThreadLocal<>();

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
                Executor executor = HANDED_OFF.get();
                if (executor == null) {
                    action.run();
                } else {
                    executor.execute(action);
                }
            }
        });
    }

    /**
     * From now on, what the current thread's transactions defer to after their commit is handed, at the commit and
     * in commit order, to {@code executor} instead of running on this thread. For a thread that only commits and
     * should not wait for the work that follows (the chat writer); the executor must keep the order.
     */
    public static void handOffOnThisThread(Executor executor) {
        HANDED_OFF.set(executor);
    }
}
