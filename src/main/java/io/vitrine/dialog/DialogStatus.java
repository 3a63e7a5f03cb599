package io.vitrine.dialog;

public enum DialogStatus {
    /** In the queue, waiting for an expert to accept. */
    WAITING,
    /** Left as a message while no expert was online; any expert may answer it. */
    MESSAGE,
    ACTIVE,
    ENDED;

    public boolean isOpen() {
        return this != ENDED;
    }
}
