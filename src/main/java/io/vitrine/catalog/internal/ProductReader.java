package io.vitrine.catalog.internal;

import java.io.InputStream;

/**
 * Streams one import format: rows are handed to the sink as they are read, so no file is ever held in memory.
 * A file that cannot be read at all throws {@link UnreadableFileException}.
 */
interface ProductReader {

    void read(InputStream in, RowSink sink);
}
