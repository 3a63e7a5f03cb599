package io.vitrine.dialog;

import java.util.List;

public record DialogTranscript(DialogView dialog, List<TimelineEvent> events) {}
