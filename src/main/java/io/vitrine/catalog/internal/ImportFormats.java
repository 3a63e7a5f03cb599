package io.vitrine.catalog.internal;

import io.vitrine.catalog.ImportFormat;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.jspecify.annotations.Nullable;

/**
 * Decides a file's format and refuses files that cannot be an import, from the first bytes only, before a job is
 * started: so a wrong upload is answered at once with a clear reason instead of a failed job.
 */
final class ImportFormats {

    static final int HEAD_BYTES = 64 * 1024;

    private ImportFormats() {}

    static ImportFormat detect(@Nullable ImportFormat given, @Nullable String fileName, byte[] head) {
        if (given != null) {
            return given;
        }
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return ImportFormat.CSV;
        }
        if (name.endsWith(".json")) {
            return ImportFormat.SHOPIFY;
        }
        if (name.endsWith(".xml") || name.endsWith(".rss")) {
            return ImportFormat.GOOGLE;
        }
        return switch (firstSignificant(head)) {
            case '{', '[' -> ImportFormat.SHOPIFY;
            case '<' -> ImportFormat.GOOGLE;
            default -> ImportFormat.CSV;
        };
    }

    /** Throws {@link UnreadableFileException} when the head shows the file cannot be imported as {@code format}. */
    static void check(ImportFormat format, byte[] head, boolean whole) {
        if (head.length == 0) {
            throw new UnreadableFileException("The file is empty.");
        }
        String text = utf8Text(head, whole);
        char first = firstSignificant(head);
        switch (format) {
            case SHOPIFY -> require(first == '{' || first == '[', "The file does not start like JSON ('{'), so it is no Shopify product JSON.");
            case GOOGLE -> require(first == '<', "The file does not start like XML ('<'), so it is no Google Merchant Center feed.");
            case CSV -> checkCsvHeader(text, whole);
        }
    }

    private static String utf8Text(byte[] head, boolean whole) {
        for (byte b : head) {
            if (b == 0) {
                throw new UnreadableFileException("This is not a text file (it contains binary data). Upload a CSV, JSON or XML file in UTF-8.");
            }
        }
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        // The head may cut a multi-byte character in two; only the last 3 bytes may be incomplete.
        int length = whole ? head.length : Math.max(0, head.length - 3);
        try {
            return decoder.decode(ByteBuffer.wrap(head, 0, length)).toString();
        } catch (CharacterCodingException e) {
            throw new UnreadableFileException("The file is not UTF-8 text. Save it as UTF-8 (in spreadsheets: \"CSV UTF-8\") and upload it again.");
        }
    }

    private static void checkCsvHeader(String text, boolean whole) {
        int newline = text.indexOf('\n');
        if (newline < 0 && !whole) {
            throw new UnreadableFileException("No header row found in the first 64 KB: the first line must name the columns.");
        }
        String headerLine = newline < 0 ? text : text.substring(0, newline);
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(stripBom(headerLine)))
                .setFormat(CSVFormat.RFC4180).get()) {
            var records = parser.iterator();
            require(records.hasNext(), "The CSV file has no header row.");
            CsvProductReader.header(records.next());
        } catch (java.io.IOException | IllegalStateException | java.io.UncheckedIOException e) {
            throw new UnreadableFileException("The CSV header row is not valid CSV.");
        }
    }

    private static String stripBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static char firstSignificant(byte[] head) {
        String text = new String(head, 0, Math.min(head.length, 512), StandardCharsets.UTF_8);
        for (char c : stripBom(text).toCharArray()) {
            if (!Character.isWhitespace(c)) {
                return c;
            }
        }
        return ' ';
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new UnreadableFileException(message);
        }
    }
}
