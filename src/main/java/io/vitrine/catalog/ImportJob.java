package io.vitrine.catalog;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An import and how far it got. {@code progress} is the share of the file read (0..1); {@code errors} are the first
 * bad rows with their line number, {@code errorCount} counts all of them. {@code message} explains a failed import.
 */
public record ImportJob(UUID id, ImportFormat format, @Nullable String fileName, ImportStatus status, double progress,
        int rowsRead, int rowsImported, int errorCount, List<RowError> errors, @Nullable String message,
        Instant createdAt, @Nullable Instant finishedAt) {

    /** A row that was not imported, and why. */
    public record RowError(long line, String reason) {}
}
