package io.vitrine.catalog.internal;

import io.vitrine.shared.DomainException;

/** The file as a whole is not in the format it claims (or was detected as). */
class UnreadableFileException extends DomainException {

    UnreadableFileException(String message) {
        super(Kind.INVALID, "catalog_file_unreadable", message);
    }
}
