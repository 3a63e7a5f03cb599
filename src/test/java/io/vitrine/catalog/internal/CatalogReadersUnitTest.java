package io.vitrine.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vitrine.catalog.ImportFormat;
import io.vitrine.catalog.ImportJob.RowError;
import io.vitrine.catalog.Money;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CatalogReadersUnitTest {

    @Test
    void shouldReadQuotedCommasMultiLineFieldsAndEmojiAndReportBadRowsWithTheirLine() throws IOException {
        Collected csv = read(new CsvProductReader(), "products.csv");

        assertThat(csv.rows).extracting(ImportRow::line).containsExactly(2L, 4L, 7L, 8L, 9L, 12L);
        ImportRow shirt = csv.rows.get(0);
        assertThat(shirt.product().title()).isEqualTo("Shirt, blue");
        assertThat(shirt.product().description()).isEqualTo("A shirt with \"quotes\", commas, and\r\na second line");
        assertThat(shirt.product().images()).containsExactly("https://cdn.example/1.jpg", "https://cdn.example/1b.jpg");
        assertThat(shirt.product().price()).isEqualTo(new Money(1990, "EUR"));
        assertThat(csv.rows.get(1).product().title()).isEqualTo("Café crème mug ☕");
        assertThat(csv.rows.get(1).product().description()).isEqualTo("Ceramic, 300 ml 😊");
        assertThat(csv.rows.get(1).product().price()).as("12.5 in lower-case eur").isEqualTo(new Money(1250, "EUR"));
        assertThat(csv.rows.get(2).variant().options()).containsExactly(Map.entry("Size", "S"), Map.entry("Color", "Navy"));
        assertThat(csv.rows.get(3).variant().available()).isFalse();
        assertThat(csv.errors).containsExactly(
                new RowError(5, "the price is missing"),
                new RowError(6, "the currency 'EURO' is not an ISO 4217 code like EUR"),
                new RowError(10, "the price '1.999' has more decimals than EUR allows"));
    }

    @Test
    void shouldRefuseACsvWithoutTheRequiredColumnsNamingThem() {
        String csv = "name;cost\nShirt;10\n";
        assertThatThrownBy(() -> new CsvProductReader().read(stream(csv), new Collected()))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("lacks the column(s) id or sku, title, price, currency");
        assertThatThrownBy(() -> ImportFormats.check(ImportFormat.CSV, csv.getBytes(StandardCharsets.UTF_8), true))
                .hasMessageContaining("id or sku, title, price, currency");
    }

    @Test
    void shouldKeepRowsWithMissingOptionalColumnsAndStripAByteOrderMark() {
        Collected csv = new Collected();
        new CsvProductReader().read(stream("\uFEFFsku,title,price,currency\nA-1,Plain,5,JPY\n"), csv);
        assertThat(csv.rows).singleElement().satisfies(row -> {
            assertThat(row.product().key()).isEqualTo("A-1");
            assertThat(row.product().price()).isEqualTo(new Money(5, "JPY"));
            assertThat(row.product().description()).isNull();
        });
    }

    @Test
    void shouldReportBrokenQuotingAtItsLineAndKeepTheRowsBefore() {
        Collected csv = new Collected();
        new CsvProductReader().read(stream("sku,title,price,currency\nA,Fine,1,EUR\nB,\"Broken\"x,1,EUR\nC,Lost,1,EUR\n"), csv);
        assertThat(csv.rows).extracting(r -> r.product().sku()).containsExactly("A");
        assertThat(csv.errors).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.reason()).contains("not valid CSV");
        });
    }

    @Test
    void shouldReadShopifyProductsWithVariantsOptionsAndImages() throws IOException {
        Collected shopify = read(new ShopifyJsonReader("usd", "https://shop.example/"), "shopify-products.json");

        assertThat(shopify.rows).hasSize(4);
        ImportRow first = shopify.rows.get(0);
        assertThat(first.product().externalId()).isEqualTo("7123456789");
        assertThat(first.product().description()).isEqualTo("Breathable linen shirt & more.");
        assertThat(first.product().url()).isEqualTo("https://shop.example/products/linen-shirt");
        assertThat(first.product().images()).hasSize(2);
        assertThat(shopify.rows).extracting(r -> r.variant().sku())
                .containsExactly("LIN-S-WHT", "LIN-M-WHT", "LIN-L-SND", "shopify-51");
        assertThat(shopify.rows).extracting(r -> r.variant().shopifyVariantId()).containsExactly("41", "42", "43", "51");
        assertThat(shopify.rows.get(2).variant().price()).isEqualTo(new Money(4550, "USD"));
        assertThat(shopify.rows.get(2).variant().options()).containsExactly(Map.entry("Size", "L"), Map.entry("Color", "Sand"));
        assertThat(shopify.rows.get(1).variant().available()).isFalse();
        assertThat(shopify.rows.get(3).variant().options()).as("Shopify's default variant has no real option").isEmpty();
        assertThat(shopify.errors).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(29);
            assertThat(e.reason()).contains("'twelve' is not a number");
        });
    }

    @Test
    void shouldTakeAShopAddressWithoutSchemeAsItsHttpsAddress() throws IOException {
        Collected shopify = read(new ShopifyJsonReader("usd", " shop.example/ "), "shopify-products.json");

        assertThat(shopify.rows.get(0).product().url()).isEqualTo("https://shop.example/products/linen-shirt");
    }

    @Test
    void shouldReadTheOptionalShopifyVariantIdColumnOnVariantRows() {
        Collected csv = new Collected();
        new CsvProductReader().read(stream("""
                id,title,price,currency,variant_sku,shopify_variant_id
                tee,Tee,10,EUR,TEE-M,39072856
                tee,Tee,10,EUR,TEE-L,
                mug,Mug,5,EUR,,123
                cap,Cap,5,EUR,CAP-1,12ab
                """), csv);
        assertThat(csv.rows).extracting(r -> r.variant().shopifyVariantId()).containsExactly("39072856", null);
        assertThat(csv.errors).extracting(e -> e.line() + " " + e.reason()).containsExactly(
                "4 the shopify_variant_id belongs to a variant: fill variant_sku too",
                "5 the Shopify variant id '12ab' is not a number like 39072856");
    }

    @Test
    void shouldReadAGoogleFeedGroupingVariantsByItemGroup() throws IOException {
        Collected google = read(new GoogleFeedReader(), "google-feed.xml");

        assertThat(google.rows).hasSize(3);
        ImportRow small = google.rows.get(0);
        assertThat(small.product().key()).isEqualTo("HOOD");
        assertThat(small.product().description()).isEqualTo("Warm fleece hoodie");
        assertThat(small.variant().sku()).isEqualTo("HOOD-S");
        assertThat(small.variant().options()).containsExactly(Map.entry("Size", "S"), Map.entry("Color", "Grey"));
        assertThat(small.variant().price()).isEqualTo(new Money(5900, "USD"));
        assertThat(google.rows.get(1).variant().available()).isFalse();
        ImportRow cap = google.rows.get(2);
        assertThat(cap.variant()).isNull();
        assertThat(cap.product().title()).isEqualTo("Cap 🧢");
        assertThat(cap.product().sku()).isEqualTo("CAP-1");
        assertThat(google.errors).containsExactly(new RowError(40, "the item has no g:price"));
    }

    @Test
    void shouldRefuseTenMegabytesOfGarbageFromItsFirstBytes() {
        byte[] garbage = new byte[10 * 1024 * 1024];
        new Random(42).nextBytes(garbage);
        byte[] head = java.util.Arrays.copyOf(garbage, ImportFormats.HEAD_BYTES);
        ImportFormat detected = ImportFormats.detect(null, "upload.bin", head);
        assertThatThrownBy(() -> ImportFormats.check(detected, head, false))
                .isInstanceOf(UnreadableFileException.class).hasMessageContaining("not a text file");

        byte[] latin1 = "sku,title,price,currency\nA,Caf\u00e9,1,EUR\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> ImportFormats.check(ImportFormat.CSV, latin1, true)).hasMessageContaining("not UTF-8");
        byte[] text = "lorem ipsum ".repeat(10_000).getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ImportFormats.check(ImportFormat.CSV, java.util.Arrays.copyOf(text, ImportFormats.HEAD_BYTES), false))
                .hasMessageContaining("No header row");
    }

    @Test
    void shouldFailWithTheLineOfBrokenJsonAndXml() {
        assertThatThrownBy(() -> new ShopifyJsonReader("EUR", null).read(stream("{\"products\": [\n{\"id\": 1,,}]}"), new Collected()))
                .isInstanceOf(UnreadableFileException.class).hasMessageContaining("line 2");
        assertThatThrownBy(() -> new GoogleFeedReader().read(stream("<rss>\n<channel>\n<item></channel>"), new Collected()))
                .isInstanceOf(UnreadableFileException.class).hasMessageContaining("line 3");
        assertThatThrownBy(() -> new GoogleFeedReader().read(stream(
                "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><rss><item><g:id xmlns:g=\"" + GoogleFeedReader.NS + "\">&x;</g:id></item></rss>"),
                new Collected())).as("no external entities").isInstanceOf(UnreadableFileException.class);
    }

    @Test
    void shouldDetectTheFormatFromNameOrContent() {
        assertThat(ImportFormats.detect(null, "feed.XML", new byte[0])).isEqualTo(ImportFormat.GOOGLE);
        assertThat(ImportFormats.detect(null, null, "  {\"products\":[]}".getBytes())).isEqualTo(ImportFormat.SHOPIFY);
        assertThat(ImportFormats.detect(null, null, "<rss/>".getBytes())).isEqualTo(ImportFormat.GOOGLE);
        assertThat(ImportFormats.detect(null, "x.txt", "sku,title".getBytes())).isEqualTo(ImportFormat.CSV);
        assertThat(ImportFormats.detect(ImportFormat.CSV, "feed.xml", new byte[0])).isEqualTo(ImportFormat.CSV);
    }

    private static Collected read(ProductReader reader, String resource) throws IOException {
        Collected collected = new Collected();
        try (InputStream in = CatalogReadersUnitTest.class.getResourceAsStream("/catalog/" + resource)) {
            reader.read(in, collected);
        }
        return collected;
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    static final class Collected implements RowSink {
        final List<ImportRow> rows = new ArrayList<>();
        final List<RowError> errors = new ArrayList<>();

        @Override
        public void row(ImportRow row) {
            rows.add(row);
        }

        @Override
        public void error(long line, String reason) {
            errors.add(new RowError(line, reason));
        }
    }
}
