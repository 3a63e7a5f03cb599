package io.vitrine.catalog.internal;

import io.vitrine.catalog.ImportFormat;
import io.vitrine.catalog.ImportJob.RowError;
import io.vitrine.catalog.ImportStatus;
import io.vitrine.shared.DomainException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs one import: the reader streams rows, which are written in batches; after each batch the job row shows how far
 * it got. Bad rows never stop the import; a file that turns out unreadable midway fails the job with the reason,
 * keeping the rows written so far.
 */
@Component
class ImportRunner {

    private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);

    /** Statistics are refreshed when an import has written this many rows, then ten times as many, and so on. */
    private static final int FIRST_ANALYZE = 1000;

    private final ProductWriter writer;
    private final Products products;
    private final Imports imports;
    private final CatalogProperties properties;
    private final Clock clock;

    ImportRunner(ProductWriter writer, Products products, Imports imports, CatalogProperties properties, Clock clock) {
        this.writer = writer;
        this.products = products;
        this.imports = imports;
        this.properties = properties;
        this.clock = clock;
    }

    void run(UUID jobId, UUID merchantId, InputStream file, ImportFormat format, ImportOptions options) {
        var counted = new CountingInputStream(file);
        var batches = new Batches(jobId, merchantId, counted);
        imports.progress(jobId, ImportStatus.RUNNING, 0, 0, 0, 0, clock.instant());
        try {
            reader(format, options).read(counted, batches);
            batches.flush();
            if (batches.rowsImported >= FIRST_ANALYZE) {
                products.analyze();
            }
            imports.finish(jobId, ImportStatus.DONE, null, clock.instant());
        } catch (DomainException e) {
            batches.flush();
            imports.finish(jobId, ImportStatus.FAILED, e.getMessage(), clock.instant());
        } catch (RuntimeException e) {
            log.warn("Catalog import {} failed", jobId, e);
            imports.finish(jobId, ImportStatus.FAILED, "The import stopped because of an internal error after "
                    + batches.rowsRead + " rows; the rows before were imported.", clock.instant());
        }
    }

    private static ProductReader reader(ImportFormat format, ImportOptions options) {
        return switch (format) {
            case CSV -> new CsvProductReader();
            case SHOPIFY -> new ShopifyJsonReader(options.currency(), options.siteUrl());
            case GOOGLE -> new GoogleFeedReader();
        };
    }

    private final class Batches implements RowSink {

        private final UUID jobId;
        private final UUID merchantId;
        private final CountingInputStream counted;
        private final List<ImportRow> rows = new ArrayList<>();
        private final List<RowError> errors = new ArrayList<>();
        int rowsRead;
        int rowsImported;
        int errorCount;
        int nextAnalyze = FIRST_ANALYZE;

        Batches(UUID jobId, UUID merchantId, CountingInputStream counted) {
            this.jobId = jobId;
            this.merchantId = merchantId;
            this.counted = counted;
        }

        @Override
        public void row(ImportRow row) {
            rowsRead++;
            rows.add(row);
            if (rows.size() >= properties.batchSize()) {
                flush();
            }
        }

        @Override
        public void error(long line, String reason) {
            rowsRead++;
            errors.add(new RowError(line, reason));
            if (errors.size() >= properties.batchSize()) {
                flush();
            }
        }

        void flush() {
            List<RowError> failed = writer.write(merchantId, List.copyOf(rows));
            rowsImported += rows.size() - failed.size();
            if (rowsImported >= nextAnalyze) {
                // A table that grew tenfold since the planner last looked would be scanned instead of indexed.
                products.analyze();
                nextAnalyze *= 10;
            }
            errors.addAll(failed);
            rows.clear();
            int room = properties.maxReportedErrors() - errorCount;
            if (room > 0) {
                imports.addErrors(jobId, errors.stream().sorted(java.util.Comparator.comparingLong(RowError::line)).limit(room).toList());
            }
            errorCount += errors.size();
            errors.clear();
            imports.progress(jobId, ImportStatus.RUNNING, counted.count(), rowsRead, rowsImported, errorCount, clock.instant());
        }
    }
}
