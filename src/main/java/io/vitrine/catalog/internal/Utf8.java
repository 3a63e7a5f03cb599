package io.vitrine.catalog.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;

/** Spreadsheet programs start UTF-8 files with a byte order mark; the readers must not see it. */
final class Utf8 {

    private Utf8() {}

    static InputStream withoutBom(InputStream in) {
        try {
            var pushback = new PushbackInputStream(in, 3);
            byte[] head = pushback.readNBytes(3);
            boolean bom = head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF;
            if (!bom && head.length > 0) {
                pushback.unread(head);
            }
            return pushback;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
