package io.vitrine.merchant;

/** What happens to the live dialogs of an expert whose consoles have all been gone for the presence grace period. */
public enum AbandonedByExpert {
    /** The dialog goes back to the queue and is offered to another expert. */
    REQUEUE,
    /** The dialog ends. */
    END
}
