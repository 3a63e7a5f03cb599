package io.vitrine.dialog.web;

import io.vitrine.dialog.internal.ReportService;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;

/** What went wrong in the participant's words, and what their browser knew (browser, connection, recent errors). */
record ProblemReportRequest(@NotBlank @Size(max = ReportService.MAX_TEXT) String text, Map<String, Object> context) {}
