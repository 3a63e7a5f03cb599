package io.vitrine.catalog.internal;

import io.vitrine.catalog.ImportJob.RowError;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import static io.vitrine.shared.Db.ts;

/**
 * Writes a batch of parsed rows in one transaction with a handful of statements: existing products and variants are
 * looked up by key and SKU for the whole batch, then inserted or updated with JDBC batches. A re-import therefore
 * updates and never duplicates. A SKU that already belongs to another product makes that row a bad row.
 */
@Component
class ProductWriter {

    private static final String INSERT_PRODUCT = """
            insert into catalog_product (id, merchant_id, product_key, external_id, sku, title, description, url, images,
                price_minor, currency, available, stock, created_at, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    /** The same with the search text, where the {@link WordIndex} is used: written at once, not in a second update. */
    private static final String INSERT_PRODUCT_WITH_TEXT = """
            insert into catalog_product (id, merchant_id, product_key, external_id, sku, title, description, url, images,
                price_minor, currency, available, stock, created_at, updated_at, search_text)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String UPDATE_PRODUCT = """
            update catalog_product set external_id = coalesce(?, external_id), sku = coalesce(?, sku),
                title = coalesce(?, title), description = coalesce(?, description), url = coalesce(?, url),
                images = coalesce(?, images), price_minor = ?, currency = ?, available = coalesce(?, available),
                stock = coalesce(?, stock), updated_at = ?, archived_at = null
            where id = ?""";
    private static final String INSERT_VARIANT = """
            insert into catalog_variant (id, merchant_id, product_id, sku, options, price_minor, currency, available, stock,
                position, shopify_variant_id)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String UPDATE_VARIANT = """
            update catalog_variant set options = ?, price_minor = ?, currency = ?, available = coalesce(?, available),
                stock = coalesce(?, stock), position = ?, shopify_variant_id = coalesce(?, shopify_variant_id)
            where id = ?""";
    /** A product with variants shows its lowest variant price and is available when one of them is. */
    static final String ROLL_UP = """
            update catalog_product set
                price_minor = (select min(v.price_minor) from catalog_variant v where v.product_id = catalog_product.id),
                available = exists (select 1 from catalog_variant v where v.product_id = catalog_product.id and v.available),
                stock = (select sum(v.stock) from catalog_variant v where v.product_id = catalog_product.id)
            where id in (:ids) and exists (select 1 from catalog_variant v where v.product_id = catalog_product.id)""";

    /** UUIDs go to the driver as they are (both drivers map java.util.UUID themselves). */
    private static final int ANY = SqlTypeValue.TYPE_UNKNOWN;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final WordIndex wordIndex;

    ProductWriter(JdbcClient jdbc, JdbcTemplate template, TransactionTemplate transactions, Clock clock, WordIndex wordIndex) {
        this.jdbc = jdbc;
        this.template = template;
        this.transactions = transactions;
        this.clock = clock;
        this.wordIndex = wordIndex;
    }

    /** Writes what it can; returns the bad rows. A batch the database refuses is retried row by row. */
    List<RowError> write(UUID merchantId, List<ImportRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        try {
            return transactions.execute(status -> writeBatch(merchantId, rows));
        } catch (DataAccessException e) {
            if (rows.size() == 1) {
                return List.of(new RowError(rows.get(0).line(), "the row could not be stored (" + rootMessage(e) + ")"));
            }
            List<RowError> errors = new ArrayList<>();
            rows.forEach(row -> errors.addAll(write(merchantId, List.of(row))));
            return errors;
        }
    }

    private List<RowError> writeBatch(UUID merchantId, List<ImportRow> rows) {
        var plan = new BatchPlan(existingProducts(merchantId, rows), existingVariants(merchantId, rows));
        List<RowError> errors = new ArrayList<>();
        for (ImportRow row : rows) {
            String problem = plan.add(row);
            if (problem != null) {
                errors.add(new RowError(row.line(), problem));
            }
        }
        store(merchantId, plan);
        return errors;
    }

    private Map<String, StoredProduct> existingProducts(UUID merchantId, List<ImportRow> rows) {
        Set<String> keys = new LinkedHashSet<>();
        Set<String> skus = new LinkedHashSet<>();
        for (ImportRow row : rows) {
            keys.add(row.product().key());
            if (row.product().sku() != null) {
                skus.add(row.product().sku());
            }
        }
        Map<String, StoredProduct> byKeyAndSku = new HashMap<>();
        // Two lookups rather than one with OR: each walks its unique index on every database.
        List<StoredProduct> found = new ArrayList<>(storedBy("product_key", merchantId, keys));
        if (!skus.isEmpty()) {
            found.addAll(storedBy("sku", merchantId, skus));
        }
        for (StoredProduct product : found) {
            byKeyAndSku.put("key:" + product.key(), product);
            if (product.sku() != null) {
                byKeyAndSku.put("sku:" + product.sku(), product);
            }
        }
        return byKeyAndSku;
    }

    private List<StoredProduct> storedBy(String column, UUID merchantId, Set<String> values) {
        return jdbc.sql("select id, product_key, sku from catalog_product where merchant_id = :merchant and " + column + " in (:values)")
                .param("merchant", merchantId).param("values", values)
                .query((rs, n) -> new StoredProduct(rs.getObject("id", UUID.class), rs.getString("product_key"), rs.getString("sku")))
                .list();
    }

    private Map<String, StoredVariant> existingVariants(UUID merchantId, List<ImportRow> rows) {
        Set<String> skus = new LinkedHashSet<>();
        rows.stream().filter(r -> r.variant() != null).forEach(r -> skus.add(r.variant().sku()));
        if (skus.isEmpty()) {
            return new HashMap<>();
        }
        Map<String, StoredVariant> bySku = new HashMap<>();
        jdbc.sql("select id, sku, product_id from catalog_variant where merchant_id = :merchant and sku in (:skus)")
                .param("merchant", merchantId).param("skus", skus)
                .query((rs, n) -> new StoredVariant(rs.getObject("id", UUID.class), rs.getString("sku"), rs.getObject("product_id", UUID.class)))
                .list().forEach(v -> bySku.put(v.sku(), v));
        return bySku;
    }

    private void store(UUID merchantId, BatchPlan plan) {
        Instant now = clock.instant();
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        Map<UUID, Set<String>> newWords = new LinkedHashMap<>();
        for (PendingProduct p : plan.products.values()) {
            var d = p.data;
            String images = d.images().isEmpty() ? null : CatalogJson.write(d.images());
            if (p.isNew) {
                Object[] insert = {p.id, merchantId, d.key(), d.externalId(), d.sku(), d.title(), d.description(),
                        d.url(), images == null ? "[]" : images, d.price().amountMinor(), d.price().currency(),
                        d.available() == null || d.available(), d.stock(), ts(now), ts(now), null};
                if (wordIndex.enabled()) {
                    Set<String> words = SearchWords.of(d.title(), d.sku(), d.description());
                    newWords.put(p.id, words);
                    insert[insert.length - 1] = SearchWords.text(words);
                }
                inserts.add(wordIndex.enabled() ? insert : Arrays.copyOf(insert, insert.length - 1));
            } else {
                updates.add(new Object[] {d.externalId(), d.sku(), d.title(), d.description(), d.url(), images,
                        d.price().amountMinor(), d.price().currency(), d.available(), d.stock(), ts(now), p.id});
            }
        }
        int[] insertTypes = {ANY, ANY, Types.VARCHAR, Types.VARCHAR,
                Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.BIGINT, Types.VARCHAR,
                Types.BOOLEAN, Types.INTEGER, Types.TIMESTAMP_WITH_TIMEZONE, Types.TIMESTAMP_WITH_TIMEZONE, Types.VARCHAR};
        template.batchUpdate(wordIndex.enabled() ? INSERT_PRODUCT_WITH_TEXT : INSERT_PRODUCT, inserts,
                wordIndex.enabled() ? insertTypes : Arrays.copyOf(insertTypes, insertTypes.length - 1));
        template.batchUpdate(UPDATE_PRODUCT, updates, new int[] {Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
                Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.BIGINT, Types.VARCHAR, Types.BOOLEAN, Types.INTEGER,
                Types.TIMESTAMP_WITH_TIMEZONE, ANY});
        wordIndex.added(merchantId, newWords);
        wordIndex.refresh(merchantId, plan.products.values().stream().filter(p -> !p.isNew).map(p -> p.id).toList());
        storeVariants(merchantId, plan.variants.values());
        Set<UUID> withVariants = new LinkedHashSet<>();
        plan.variants.values().forEach(v -> withVariants.add(v.productId));
        if (!withVariants.isEmpty()) {
            jdbc.sql(ROLL_UP).param("ids", withVariants).update();
        }
    }

    private void storeVariants(UUID merchantId, Collection<PendingVariant> variants) {
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        for (PendingVariant v : variants) {
            var d = v.data;
            String options = CatalogJson.write(d.options());
            if (v.isNew) {
                inserts.add(new Object[] {v.id, merchantId, v.productId, d.sku(), options, d.price().amountMinor(),
                        d.price().currency(), d.available() == null || d.available(), d.stock(), v.position,
                        d.shopifyVariantId()});
            } else {
                updates.add(new Object[] {options, d.price().amountMinor(), d.price().currency(), d.available(),
                        d.stock(), v.position, d.shopifyVariantId(), v.id});
            }
        }
        template.batchUpdate(INSERT_VARIANT, inserts, new int[] {ANY, ANY, ANY, Types.VARCHAR,
                Types.VARCHAR, Types.BIGINT, Types.VARCHAR, Types.BOOLEAN, Types.INTEGER, Types.INTEGER, Types.VARCHAR});
        template.batchUpdate(UPDATE_VARIANT, updates, new int[] {Types.VARCHAR, Types.BIGINT, Types.VARCHAR,
                Types.BOOLEAN, Types.INTEGER, Types.INTEGER, Types.VARCHAR, ANY});
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage());
        return message.length() > 300 ? message.substring(0, 300) : message;
    }

    record StoredProduct(UUID id, String key, String sku) {}

    record StoredVariant(UUID id, String sku, UUID productId) {}

    /** What one batch will write, decided row by row; later rows of the same product or SKU win. */
    private static final class BatchPlan {

        private final Map<String, StoredProduct> stored;
        private final Map<String, StoredVariant> storedVariants;
        final Map<String, PendingProduct> products = new LinkedHashMap<>();
        final Map<String, PendingVariant> variants = new LinkedHashMap<>();

        BatchPlan(Map<String, StoredProduct> stored, Map<String, StoredVariant> storedVariants) {
            this.stored = stored;
            this.storedVariants = storedVariants;
        }

        /** Adds the row, or says why it cannot be imported. */
        String add(ImportRow row) {
            var data = row.product();
            String key = data.key();
            PendingProduct pending = products.get(key);
            StoredProduct existing = stored.get("key:" + key);
            if (pending == null && existing == null && data.title() == null) {
                return "the title is missing (a new product needs one)";
            }
            if (data.sku() != null) {
                String owner = skuOwner(data.sku());
                if (owner != null && !owner.equals(key)) {
                    return "the SKU " + data.sku() + " is already used by the product " + owner;
                }
            }
            UUID productId = pending != null ? pending.id : existing != null ? existing.id() : UUID.randomUUID();
            if (row.variant() != null) {
                String problem = checkVariant(row.variant().sku(), productId);
                if (problem != null) {
                    return problem;
                }
            }
            products.put(key, pending == null ? new PendingProduct(productId, existing == null, data) : pending.merge(data));
            if (row.variant() != null) {
                var variant = row.variant();
                PendingVariant known = variants.get(variant.sku());
                StoredVariant storedVariant = storedVariants.get(variant.sku());
                UUID variantId = known != null ? known.id : storedVariant != null ? storedVariant.id() : UUID.randomUUID();
                boolean isNew = known != null ? known.isNew : storedVariant == null;
                variants.put(variant.sku(), new PendingVariant(variantId, productId, isNew, variant, (int) Math.min(row.line(), Integer.MAX_VALUE)));
            }
            return null;
        }

        private String skuOwner(String sku) {
            for (PendingProduct p : products.values()) {
                if (sku.equals(p.data.sku())) {
                    return p.data.key();
                }
            }
            StoredProduct owner = stored.get("sku:" + sku);
            return owner == null ? null : owner.key();
        }

        private String checkVariant(String sku, UUID productId) {
            PendingVariant known = variants.get(sku);
            UUID owner = known != null ? known.productId : storedVariants.containsKey(sku) ? storedVariants.get(sku).productId() : null;
            return owner == null || owner.equals(productId) ? null
                    : "the variant SKU " + sku + " is already used by another product";
        }
    }

    private static final class PendingProduct {
        final UUID id;
        final boolean isNew;
        final ImportRow.ProductData data;

        PendingProduct(UUID id, boolean isNew, ImportRow.ProductData data) {
            this.id = id;
            this.isNew = isNew;
            this.data = data;
        }

        /** Later rows fill or replace fields; images of all rows are kept together. */
        PendingProduct merge(ImportRow.ProductData next) {
            List<String> images = new ArrayList<>(data.images());
            next.images().stream().filter(i -> !images.contains(i)).forEach(images::add);
            return new PendingProduct(id, isNew, new ImportRow.ProductData(
                    or(next.externalId(), data.externalId()), or(next.sku(), data.sku()), or(next.title(), data.title()),
                    or(next.description(), data.description()), or(next.url(), data.url()), images, next.price(),
                    or(next.available(), data.available()), or(next.stock(), data.stock())));
        }

        private static <T> T or(T value, T fallback) {
            return value != null ? value : fallback;
        }
    }

    private record PendingVariant(UUID id, UUID productId, boolean isNew, ImportRow.VariantData data, int position) {}
}
