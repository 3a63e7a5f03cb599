package io.vitrine.dialog;

import java.util.List;

/** A dialog with its whole timeline, and the caller's place in it. */
public record DialogTranscript(DialogView dialog, List<TimelineEvent> events, Membership you) {}
