package io.vitrine.catalog.internal;

import io.vitrine.catalog.CatalogApi;
import io.vitrine.catalog.ImportFormat;
import io.vitrine.catalog.ImportJob;
import io.vitrine.catalog.Product;
import io.vitrine.catalog.ProductInput;
import io.vitrine.catalog.ProductPage;
import io.vitrine.shared.DomainException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** The catalog's entry point: reads, edits, favourites and imports, each scoped to one merchant. */
@Service
public class CatalogService implements CatalogApi {

    private static final Logger log = LoggerFactory.getLogger(CatalogService.class);
    private static final int RECENT_IMPORTS = 10;

    private final Products products;
    private final Favourites favourites;
    private final ProductEditor editor;
    private final Imports imports;
    private final ImportRunner runner;
    private final ExecutorService executor;
    private final CatalogProperties properties;
    private final Clock clock;

    CatalogService(Products products, Favourites favourites, ProductEditor editor, Imports imports, ImportRunner runner,
            ExecutorService catalogImportExecutor, CatalogProperties properties, Clock clock) {
        this.products = products;
        this.favourites = favourites;
        this.editor = editor;
        this.imports = imports;
        this.runner = runner;
        this.executor = catalogImportExecutor;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public Optional<Product> findById(UUID merchantId, UUID productId, @Nullable UUID memberId) {
        return products.findById(merchantId, productId, memberId);
    }

    @Override
    public Optional<Product> findBySku(UUID merchantId, String sku, @Nullable UUID memberId) {
        return products.findBySku(merchantId, sku.strip(), memberId);
    }

    public Product require(UUID merchantId, UUID productId, @Nullable UUID memberId) {
        return findById(merchantId, productId, memberId).orElseThrow(() -> DomainException.notFound("The product"));
    }

    /** Creates a product from a whole description, checked like an import row; answers it as stored. */
    public Product create(UUID merchantId, UUID memberId, ProductInput input) {
        return require(merchantId, editor.create(merchantId, input), memberId);
    }

    /** Replaces a product (fields and variants); another merchant's or an archived product is not found. */
    public Product replace(UUID merchantId, UUID memberId, UUID productId, ProductInput input) {
        editor.replace(merchantId, productId, input);
        return require(merchantId, productId, memberId);
    }

    /** Deletes a product by archiving it: gone from search and the picker, still found by id for earlier cards and orders. */
    public void archive(UUID merchantId, UUID productId) {
        editor.archive(merchantId, productId);
    }

    @Override
    public ProductPage search(UUID merchantId, @Nullable UUID memberId, @Nullable String query, int page, int size) {
        if (page < 0 || size < 1 || size > properties.maxPageSize()) {
            throw DomainException.invalid("page must be 0 or more and size between 1 and " + properties.maxPageSize() + ".");
        }
        long offset = (long) page * size;
        List<Product> favs = memberId == null ? List.of() : products.favourites(merchantId, memberId, query);
        List<Product> items = new ArrayList<>();
        if (offset < favs.size()) {
            items.addAll(favs.subList((int) offset, (int) Math.min(favs.size(), offset + size + 1)));
        }
        int missing = size + 1 - items.size();
        if (missing > 0) {
            long othersOffset = Math.max(0, offset - favs.size());
            Set<UUID> favIds = favs.stream().map(Product::id).collect(Collectors.toSet());
            items.addAll(products.others(merchantId, query, favIds, missing, othersOffset));
        }
        boolean hasNext = items.size() > size;
        return new ProductPage(hasNext ? items.subList(0, size) : items, page, size, hasNext);
    }

    @Override
    public List<Product> favourites(UUID merchantId, UUID memberId) {
        return products.favourites(merchantId, memberId, null);
    }

    @Override
    public void setFavourite(UUID merchantId, UUID memberId, UUID productId, boolean favourite) {
        if (!products.exists(merchantId, productId)) {
            throw DomainException.notFound("The product");
        }
        if (favourite) {
            favourites.add(memberId, productId, clock.instant());
        } else {
            favourites.remove(memberId, productId);
        }
    }

    @Override
    public ImportJob importNow(UUID merchantId, InputStream file, ImportFormat format, @Nullable String fileName) {
        UUID id = UUID.randomUUID();
        imports.create(id, merchantId, format, fileName, 0, null, clock.instant());
        runner.run(id, merchantId, file, format, new ImportOptions("EUR", null));
        return job(merchantId, id);
    }

    /**
     * Checks the head of an uploaded file, then imports it in the background from the given temporary copy, which is
     * deleted afterwards. Answers the queued job at once.
     */
    public ImportJob startImport(UUID merchantId, UUID memberId, Path file, @Nullable String fileName,
            @Nullable ImportFormat givenFormat, ImportOptions options) {
        byte[] head = head(file);
        long size = size(file);
        ImportFormat format = ImportFormats.detect(givenFormat, fileName, head);
        ImportFormats.check(format, head, size <= head.length);
        if (imports.running(merchantId, clock.instant().minus(properties.stalledAfter()))) {
            throw DomainException.conflict("import_running", "An import is already running; wait until it has finished.");
        }
        UUID id = UUID.randomUUID();
        imports.create(id, merchantId, format, fileName, size, memberId, clock.instant());
        executor.submit(() -> runFromFile(id, merchantId, file, format, options));
        return job(merchantId, id);
    }

    private void runFromFile(UUID id, UUID merchantId, Path file, ImportFormat format, ImportOptions options) {
        try (InputStream in = Files.newInputStream(file)) {
            runner.run(id, merchantId, in, format, options);
        } catch (IOException | RuntimeException e) {
            log.warn("Catalog import {} could not run", id, e);
            imports.finish(id, io.vitrine.catalog.ImportStatus.FAILED, "The uploaded file could not be read.", clock.instant());
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                log.warn("Could not delete the import file {}", file);
            }
        }
    }

    public ImportJob job(UUID merchantId, UUID importId) {
        var row = imports.find(merchantId, importId).orElseThrow(() -> DomainException.notFound("The import"));
        return row.view(imports.errors(importId, properties.maxReportedErrors()), clock.instant().minus(properties.stalledAfter()));
    }

    public List<ImportJob> recentImports(UUID merchantId) {
        var stalledBefore = clock.instant().minus(properties.stalledAfter());
        return imports.recent(merchantId, RECENT_IMPORTS).stream().map(r -> r.view(List.of(), stalledBefore)).toList();
    }

    public long productCount(UUID merchantId) {
        return products.count(merchantId);
    }

    private static byte[] head(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(ImportFormats.HEAD_BYTES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
