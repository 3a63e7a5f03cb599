package io.vitrine.catalog;

import io.vitrine.merchant.Member;
import io.vitrine.merchant.Merchant;
import io.vitrine.merchant.MerchantApi;
import io.vitrine.merchant.MerchantSettings;
import io.vitrine.merchant.Role;
import io.vitrine.merchant.TeamApi;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Measures the catalog at scale on one database: the time and peak heap of importing a generated 100,000-row CSV
 * (and of a 10,000-row one, to see whether the heap grows with the file), then search latency p50/p99 over the
 * 100,000 products. Not part of the test run (the names do not end in Test); run with {@code ./vitrine bench catalog}.
 * Results go to standard output and are appended to {@code target/catalog-benchmark-results.md}.
 */
@Tag("benchmark")
abstract class CatalogBenchmarkSupport {

    static final int ROWS = Integer.getInteger("bench.catalogRows", 100_000);
    static final int SEARCHES = Integer.getInteger("bench.searches", 1000);
    private static final String[] ADJECTIVES = {"Soft", "Classic", "Slim", "Relaxed", "Organic", "Vintage", "Light",
            "Warm", "Striped", "Washed", "Heavy", "Cropped", "Oversized", "Fitted", "Recycled", "Handmade"};
    private static final String[] MATERIALS = {"Linen", "Cotton", "Wool", "Merino", "Silk", "Denim", "Leather",
            "Cashmere", "Canvas", "Ceramic", "Bamboo", "Velvet", "Corduroy", "Jersey", "Fleece", "Suede"};
    private static final String[] NOUNS = {"Shirt", "Tee", "Sweater", "Jacket", "Dress", "Trousers", "Scarf", "Cap",
            "Bag", "Belt", "Socks", "Sneakers", "Mug", "Cushion", "Candle", "Vase", "Blanket", "Lamp", "Towel", "Hoodie"};
    private static final String[] WORDS = ("breathable durable everyday comfortable machine washable gentle cycle "
            + "tailored regular fit made in portugal italy japan natural dye stitched seams pocket button zip hood "
            + "collar sleeve long short summer winter autumn spring travel office weekend gift colour navy sand olive "
            + "black white grey ecru burgundy rust pastel bold pattern check stripe plain knit woven brushed soft "
            + "warm light airy heavy sturdy reinforced elastic adjustable lined unlined padded quilted").split(" ");

    @Autowired CatalogApi catalog;
    @Autowired MerchantApi merchants;
    @Autowired TeamApi team;

    abstract String database();

    @Test
    void importAndSearchAtScale() throws IOException {
        Path small = generate(ROWS / 10);
        Path large = generate(ROWS);
        StringBuilder report = new StringBuilder("### Catalog on " + database() + " (" + LocalDate.now() + ")\n\n");
        report.append(importRun(small, ROWS / 10)).append(importRun(large, ROWS));
        Merchant merchant = lastMerchant;
        Member expert = team.addMember(merchant.id(), new TeamApi.NewMember(UUID.randomUUID() + "@bench.test", "Bench Expert",
                "a-long-password", Role.EXPERT, null, null));
        report.append("\n").append(searchRun(merchant, expert));
        System.out.println(report);
        Files.writeString(Path.of("target/catalog-benchmark-results.md"), report + "\n",
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        Files.delete(small);
        Files.delete(large);
    }

    private Merchant lastMerchant;

    private String importRun(Path csv, int rows) throws IOException {
        lastMerchant = merchants.create("bench-" + UUID.randomUUID().toString().substring(0, 8), "Bench", MerchantSettings.defaults());
        System.gc();
        var memory = ManagementFactory.getMemoryMXBean();
        long before = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(before);
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (running.get()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        long start = System.nanoTime();
        ImportJob job;
        try (InputStream in = Files.newInputStream(csv)) {
            job = catalog.importNow(lastMerchant.id(), in, ImportFormat.CSV, csv.getFileName().toString());
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        running.set(false);
        try {
            sampler.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.gc();
        long after = memory.getHeapMemoryUsage().getUsed();
        if (job.status() != ImportStatus.DONE || job.rowsImported() != rows) {
            throw new AssertionError("Import did not complete: " + job);
        }
        return "- import of %,d CSV rows (%,d KB): **%,d ms**, heap used before %d MB, peak during %d MB, after GC %d MB (max heap %d MB)\n"
                .formatted(rows, Files.size(csv) / 1024, millis, mb(before), mb(peak.get()), mb(after),
                        mb(memory.getHeapMemoryUsage().getMax()));
    }

    private String searchRun(Merchant merchant, Member expert) {
        Random random = new Random(11);
        List<Product> some = catalog.search(merchant.id(), null, null, 0, 50).items();
        for (int i = 0; i < 10; i++) {
            catalog.setFavourite(merchant.id(), expert.id(), some.get(i * 5).id(), true);
        }
        List<String> queries = new ArrayList<>();
        for (int i = 0; i < SEARCHES; i++) {
            queries.add(switch (i % 5) {
                case 0 -> pick(random, MATERIALS).toLowerCase();
                case 1 -> pick(random, MATERIALS) + " " + pick(random, NOUNS);
                case 2 -> "BENCH-" + random.nextInt(ROWS);
                case 3 -> pick(random, WORDS) + " " + pick(random, WORDS);
                default -> "";
            });
        }
        for (int i = 0; i < 100; i++) {
            catalog.search(merchant.id(), expert.id(), queries.get(i), 0, 20);
        }
        List<Long> micros = new ArrayList<>();
        List<List<Long>> byKind = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        long hits = 0;
        for (int i = 0; i < queries.size(); i++) {
            long start = System.nanoTime();
            hits += catalog.search(merchant.id(), expert.id(), queries.get(i), i % 3, 20).items().size();
            long took = (System.nanoTime() - start) / 1000;
            micros.add(took);
            byKind.get(i % 5).add(took);
        }
        Collections.sort(micros);
        StringBuilder kinds = new StringBuilder();
        String[] names = {"one material word", "material + product word", "SKU", "two description words", "blank (list)"};
        for (int k = 0; k < names.length; k++) {
            List<Long> sorted = byKind.get(k).stream().sorted().toList();
            kinds.append("  - %s: p50 %.1f ms, p99 %.1f ms\n".formatted(names[k], percentile(sorted, 50), percentile(sorted, 99)));
        }
        return ("- search over %,d products, %,d queries (pages 1-3 of 20 results; the expert has 10 favourites): "
                + "p50 **%.1f ms**, p99 **%.1f ms**, max %.1f ms (%,d results in all)\n%s")
                .formatted(ROWS, queries.size(), percentile(micros, 50), percentile(micros, 99),
                        micros.getLast() / 1000.0, hits, kinds);
    }

    private static Path generate(int rows) throws IOException {
        Path file = Files.createTempFile("catalog-bench-", ".csv");
        Random random = new Random(rows);
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("id,sku,title,description,url,image_urls,price,currency,available,stock,variant_sku,options\n");
            for (int i = 0; i < rows; i++) {
                StringBuilder description = new StringBuilder();
                for (int w = 0; w < 18; w++) {
                    description.append(w == 0 ? "" : " ").append(pick(random, WORDS));
                }
                out.write("p-" + i + ",BENCH-" + i + "," + pick(random, ADJECTIVES) + " " + pick(random, MATERIALS) + " "
                        + pick(random, NOUNS) + " " + i + ",\"" + description + ", " + pick(random, MATERIALS).toLowerCase()
                        + "\",https://shop.example/p/" + i + ",https://cdn.example/p/" + i + ".jpg,"
                        + (5 + random.nextInt(200)) + "." + (10 + random.nextInt(90)) + ",EUR,true," + random.nextInt(50) + ",,\n");
            }
        }
        return file;
    }

    private static String pick(Random random, String[] words) {
        return words[random.nextInt(words.length)];
    }

    private static double percentile(List<Long> sortedMicros, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sortedMicros.size()) - 1;
        return sortedMicros.get(Math.max(0, index)) / 1000.0;
    }

    private static long mb(long bytes) {
        return bytes / (1024 * 1024);
    }
}
