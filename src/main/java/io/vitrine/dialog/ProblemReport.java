package io.vitrine.dialog;

import io.vitrine.shared.Avatar;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A participant's report of a problem with a dialog, with the technical context their browser collected. */
public record ProblemReport(UUID id, UUID dialogId, Instant reportedAt, Avatar reporter, String text,
        Map<String, Object> context) {}
