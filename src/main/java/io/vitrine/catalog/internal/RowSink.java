package io.vitrine.catalog.internal;

/** Where a reader delivers what it parsed: good rows, and bad rows with their line number and reason. */
interface RowSink {

    void row(ImportRow row);

    void error(long line, String reason);
}
