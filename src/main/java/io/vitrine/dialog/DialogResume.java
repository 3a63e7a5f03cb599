package io.vitrine.dialog;

import java.util.List;

/**
 * What a client following a dialog needs, read together: the dialog, the caller's seat in it and the first page
 * of events after the client's last one. {@code afterSeq} is where that page starts: 0 when the client was ahead
 * of the stored timeline and has to start over.
 */
public record DialogResume(DialogView view, Membership membership, long afterSeq, List<TimelineEvent> events) {}
