package io.vitrine.dialog;

import io.vitrine.shared.Actor;

import java.util.UUID;

/** What scheduling needs of dialogs: who is in one, and opening it again when its appointment starts. */
public interface ScheduledDialogsApi {

    /** The dialog's people and the caller's seat; a dialog the caller may not see is not found. */
    DialogParty party(UUID dialogId, Actor actor);

    /** The dialog's people, for work done on nobody's behalf (reminders); {@code caller} is null. */
    DialogParty people(UUID dialogId);

    /**
     * The appointment's time has come: the dialog is live again with its expert, on video, its customers free to
     * join as before, its timeline kept. A dialog that is still live stays as it is.
     */
    void reopenForAppointment(UUID dialogId, UUID expertId);
}
