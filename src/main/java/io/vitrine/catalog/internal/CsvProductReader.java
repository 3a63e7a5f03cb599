package io.vitrine.catalog.internal;

import io.vitrine.catalog.Money;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * Vitrine's CSV (RFC 4180, UTF-8, a header row; columns in docs/catalog.md). One row is a product, or one variant
 * of a product when {@code variant_sku} is filled; rows of one product share its {@code id} (or {@code sku}).
 */
final class CsvProductReader implements ProductReader {

    static final List<String> COLUMNS = List.of("id", "sku", "title", "description", "url", "image_urls", "price",
            "currency", "available", "stock", "variant_sku", "options", "shopify_variant_id");
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreEmptyLines(false).setIgnoreSurroundingSpaces(true).get();

    @Override
    public void read(InputStream in, RowSink sink) {
        Reader reader = new InputStreamReader(Utf8.withoutBom(in), StandardCharsets.UTF_8);
        try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get()) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                throw new UnreadableFileException("The CSV file is empty: it needs a header row with the columns " + required() + ".");
            }
            Map<String, Integer> header = header(records.next());
            long line = parser.getCurrentLineNumber() + 1;
            while (nextRecord(records, sink, line)) {
                CSVRecord record = records.next();
                if (!isBlank(record)) {
                    parse(record, header, line, sink);
                }
                line = parser.getCurrentLineNumber() + 1;
            }
        } catch (UncheckedIOException e) {
            throw new UnreadableFileException("The CSV file could not be read: " + e.getMessage());
        } catch (java.io.IOException e) {
            throw new UnreadableFileException("The CSV file could not be read: " + e.getMessage());
        }
    }

    /** Broken quoting stops a CSV parser for good: the rows so far are kept and the rest is reported once. */
    private static boolean nextRecord(Iterator<CSVRecord> records, RowSink sink, long line) {
        try {
            return records.hasNext();
        } catch (UncheckedIOException | IllegalStateException e) {
            sink.error(line, "the row is not valid CSV (check its quotes); the rest of the file was not read");
            return false;
        }
    }

    static Map<String, Integer> header(CSVRecord record) {
        Map<String, Integer> header = new LinkedHashMap<>();
        for (int i = 0; i < record.size(); i++) {
            String name = record.get(i).strip().toLowerCase(Locale.ROOT);
            if (COLUMNS.contains(name) && header.putIfAbsent(name, i) != null) {
                throw new UnreadableFileException("The CSV header has the column '" + name + "' twice.");
            }
        }
        List<String> missing = new ArrayList<>();
        if (!header.containsKey("id") && !header.containsKey("sku")) {
            missing.add("id or sku");
        }
        for (String column : List.of("title", "price", "currency")) {
            if (!header.containsKey(column)) {
                missing.add(column);
            }
        }
        if (!missing.isEmpty()) {
            throw new UnreadableFileException("The CSV header lacks the column(s) " + String.join(", ", missing)
                    + ". The first row must name the columns, e.g. " + required() + ".");
        }
        return header;
    }

    private static void parse(CSVRecord record, Map<String, Integer> header, long line, RowSink sink) {
        try {
            sink.row(row(record, header, line));
        } catch (IllegalArgumentException e) {
            sink.error(line, e.getMessage());
        }
    }

    private static ImportRow row(CSVRecord record, Map<String, Integer> header, long line) {
        String id = Fields.limited(get(record, header, "id"), Fields.MAX_SKU, "the id");
        String sku = Fields.limited(get(record, header, "sku"), Fields.MAX_SKU, "the sku");
        if (id == null && sku == null) {
            throw new IllegalArgumentException("the row has neither an id nor a sku");
        }
        String price = Fields.text(get(record, header, "price"));
        if (price == null) {
            throw new IllegalArgumentException("the price is missing");
        }
        Money money = Money.parse(price, get(record, header, "currency"));
        var product = new ImportRow.ProductData(id, sku,
                Fields.limited(get(record, header, "title"), Fields.MAX_TITLE, "the title"),
                Fields.limited(get(record, header, "description"), Fields.MAX_DESCRIPTION, "the description"),
                Fields.url(get(record, header, "url"), "the url"),
                images(get(record, header, "image_urls")), money,
                Fields.availability(get(record, header, "available")), Fields.stock(get(record, header, "stock")));
        String variantSku = Fields.limited(get(record, header, "variant_sku"), Fields.MAX_SKU, "the variant_sku");
        String shopifyId = Fields.shopifyVariantId(get(record, header, "shopify_variant_id"));
        if (variantSku == null) {
            if (shopifyId != null) {
                throw new IllegalArgumentException("the shopify_variant_id belongs to a variant: fill variant_sku too");
            }
            return new ImportRow(line, product, null);
        }
        var variant = new ImportRow.VariantData(variantSku, options(get(record, header, "options")), money,
                product.stock(), product.available(), shopifyId);
        return new ImportRow(line, new ImportRow.ProductData(id, sku, product.title(), product.description(),
                product.url(), product.images(), money, null, null), variant);
    }

    private static @Nullable String get(CSVRecord record, Map<String, Integer> header, String column) {
        Integer index = header.get(column);
        return index == null || index >= record.size() ? null : record.get(index);
    }

    static List<String> images(@Nullable String value) {
        String text = Fields.text(value);
        if (text == null) {
            return List.of();
        }
        return Fields.images(Arrays.stream(text.split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList());
    }

    /** {@code Size=M; Color=Navy} in the merchant's order. */
    static Map<String, String> options(@Nullable String value) {
        Map<String, String> options = new LinkedHashMap<>();
        String text = Fields.text(value);
        if (text == null) {
            return options;
        }
        for (String pair : text.split(";")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0 || pair.substring(eq + 1).isBlank()) {
                throw new IllegalArgumentException("the option '" + pair.strip() + "' is not written as Name=Value");
            }
            options.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
        }
        return options;
    }

    private static boolean isBlank(CSVRecord record) {
        return record.stream().allMatch(String::isBlank);
    }

    private static String required() {
        return String.join(",", COLUMNS);
    }
}
