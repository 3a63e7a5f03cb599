package io.vitrine.catalog.internal;

import io.vitrine.catalog.Money;
import io.vitrine.catalog.Product;
import io.vitrine.catalog.Variant;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads products of one merchant. A search page is built from two ordered reads: the asking member's matching
 * favourites (few rows, tested one by one), then the other matches by title.
 */
@Repository
class Products {

    private static final String COLUMNS = "p.id, p.external_id, p.sku, p.title, p.description, p.url, p.images, "
            + "p.price_minor, p.currency, p.available, p.stock, p.archived_at";

    private final JdbcClient jdbc;
    private final SearchDialect dialect;
    private final TransactionTemplate transactions;
    private final WordIndex wordIndex;

    Products(JdbcClient jdbc, SearchDialect dialect, TransactionTemplate transactions, WordIndex wordIndex) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.transactions = transactions;
        this.wordIndex = wordIndex;
    }

    Optional<Product> findById(UUID merchantId, UUID productId, @Nullable UUID memberId) {
        return one("p.id = :value", productId, merchantId, memberId);
    }

    Optional<Product> findBySku(UUID merchantId, String sku, @Nullable UUID memberId) {
        return one("p.sku = :value", sku, merchantId, memberId)
                .or(() -> one("p.id in (select product_id from catalog_variant where merchant_id = :merchant and sku = :value)",
                        sku, merchantId, memberId));
    }

    private Optional<Product> one(String condition, Object value, UUID merchantId, @Nullable UUID memberId) {
        List<Row> rows = jdbc.sql("select " + COLUMNS + ", " + favouriteColumn() + " from catalog_product p where p.merchant_id = :merchant and " + condition)
                .param("merchant", merchantId).param("member", memberId).param("value", value)
                .query(Products::row).list();
        return withVariants(rows).stream().findFirst();
    }

    /** Matching favourites of the member (all of them; a member keeps few), by title. */
    List<Product> favourites(UUID merchantId, UUID memberId, @Nullable String query) {
        boolean searching = query != null && !query.isBlank();
        List<UUID> byVariant = searching ? productsWithVariantSku(merchantId, query.strip()) : List.of();
        String sql = "select " + COLUMNS + ", true as favourite from catalog_product p where p.merchant_id = :merchant"
                + " and p.archived_at is null and p.id in (select product_id from catalog_favourite where member_id = :member)"
                + (searching ? " and " + dialect.condition(query, !byVariant.isEmpty()) : "")
                + " order by p.title, p.id";
        var statement = bind(jdbc.sql(sql).param("merchant", merchantId).param("member", memberId), query, byVariant);
        return withVariants(statement.query(Products::row).list());
    }

    /**
     * The other matches, by title; {@code favourites} are left out (they were listed first). The page's ids come from
     * one plain ordered read that the database can answer by walking the title index until the page is full (common
     * words) or from the search index and a sort (rare words); then the full rows are read by primary key. The order
     * names merchant_id first, constant here, so that H2 too sees the index's order. On H2 the word index gives the
     * few products that can match a rare word, and only those are tested.
     */
    List<Product> others(UUID merchantId, @Nullable String query, Set<UUID> favourites, int limit, long offset) {
        boolean searching = query != null && !query.isBlank();
        List<UUID> byVariant = searching ? productsWithVariantSku(merchantId, query.strip()) : List.of();
        Set<UUID> candidates = searching ? wordIndex.candidates(merchantId, SearchDialect.words(query)) : null;
        List<UUID> page = candidates != null
                ? amongCandidates(merchantId, query, candidates, byVariant, favourites, limit, offset)
                : inTitleOrder(merchantId, query, byVariant, favourites, limit, offset);
        if (page.isEmpty()) {
            return List.of();
        }
        List<Row> rows = jdbc.sql("select " + COLUMNS + ", false as favourite from catalog_product p where p.id in (:ids) order by p.title, p.id")
                .param("ids", page).query(Products::row).list();
        return withVariants(rows);
    }

    private List<UUID> inTitleOrder(UUID merchantId, @Nullable String query, List<UUID> byVariant, Set<UUID> favourites,
            int limit, long offset) {
        boolean searching = query != null && !query.isBlank();
        String sql = "select id from catalog_product where merchant_id = :merchant and archived_at is null"
                + (searching ? " and " + dialect.condition(query, !byVariant.isEmpty()) : "")
                + (favourites.isEmpty() ? "" : " and id not in (:favourites)")
                + " order by merchant_id, title, id limit :limit offset :offset";
        var statement = jdbc.sql(sql).param("merchant", merchantId).param("limit", limit).param("offset", offset);
        if (!favourites.isEmpty()) {
            statement = statement.param("favourites", favourites);
        }
        var search = bind(statement, query, byVariant);
        return searching ? planned(() -> search.query(UUID.class).list()) : search.query(UUID.class).list();
    }

    /**
     * The page among the few products the word index gave, tested by primary key and put in title order here: with
     * an ORDER BY, H2 would walk the title index instead. Ties go by id as the database orders them (unsigned).
     */
    private List<UUID> amongCandidates(UUID merchantId, String query, Set<UUID> candidates, List<UUID> byVariant,
            Set<UUID> favourites, int limit, long offset) {
        Set<UUID> ids = new java.util.HashSet<>(candidates);
        ids.addAll(byVariant);
        ids.removeAll(favourites);
        if (ids.isEmpty() || offset >= ids.size()) {
            return List.of();
        }
        record Match(UUID id, String title) {}
        var statement = jdbc.sql("select id, title from catalog_product where id in (:candidates) and merchant_id = :merchant "
                        + "and archived_at is null and " + dialect.condition(query, !byVariant.isEmpty()))
                .param("candidates", ids).param("merchant", merchantId);
        return bind(statement, query, byVariant)
                .query((rs, n) -> new Match(rs.getObject("id", UUID.class), rs.getString("title"))).list().stream()
                .sorted(java.util.Comparator.comparing(Match::title).thenComparing(m -> m.id().toString()))
                .skip(offset).limit(limit).map(Match::id).toList();
    }

    /** Runs a text search after the dialect's settings, in a transaction of its own when there are any. */
    private List<UUID> planned(Supplier<List<UUID>> search) {
        List<String> settings = dialect.searchSettings();
        if (settings.isEmpty()) {
            return search.get();
        }
        return transactions.execute(status -> {
            settings.forEach(setting -> jdbc.sql(setting).update());
            return search.get();
        });
    }

    private JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, @Nullable String query, List<UUID> byVariant) {
        if (query == null || query.isBlank()) {
            return statement;
        }
        if (!byVariant.isEmpty()) {
            statement = statement.param("ids", byVariant);
        }
        for (Map.Entry<String, Object> param : dialect.params(query).entrySet()) {
            statement = statement.param(param.getKey(), param.getValue());
        }
        return statement;
    }

    /** After a large import: fresh statistics, or PostgreSQL may scan every product per search. */
    void analyze() {
        jdbc.sql(dialect.analyze(!TransactionSynchronizationManager.isActualTransactionActive())).update();
    }

    /** A variant SKU typed as printed, or in upper or lower case; the unique SKU index finds it on every database. */
    private List<UUID> productsWithVariantSku(UUID merchantId, String sku) {
        if (sku.length() > Fields.MAX_SKU || sku.contains(" ")) {
            return List.of();
        }
        return jdbc.sql("select distinct product_id from catalog_variant where merchant_id = :merchant and sku in (:skus)")
                .param("merchant", merchantId)
                .param("skus", new java.util.LinkedHashSet<>(List.of(sku, sku.toUpperCase(java.util.Locale.ROOT), sku.toLowerCase(java.util.Locale.ROOT))))
                .query(UUID.class).list();
    }

    boolean exists(UUID merchantId, UUID productId) {
        return jdbc.sql("select count(*) from catalog_product where merchant_id = ? and id = ?")
                .params(merchantId, productId).query(Long.class).single() > 0;
    }

    /** Products listed by search (archived ones are not). */
    long count(UUID merchantId) {
        return jdbc.sql("select count(*) from catalog_product where merchant_id = ? and archived_at is null").param(merchantId).query(Long.class).single();
    }

    private List<Product> withVariants(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<Variant>> variants = variantsOf(rows.stream().map(Row::id).toList());
        return rows.stream().map(r -> r.product(variants.getOrDefault(r.id(), List.of()))).toList();
    }

    private Map<UUID, List<Variant>> variantsOf(Collection<UUID> productIds) {
        Map<UUID, List<Variant>> byProduct = new HashMap<>();
        jdbc.sql("select * from catalog_variant where product_id in (:ids) order by position, sku")
                .param("ids", Set.copyOf(productIds))
                .query((rs, n) -> {
                    var variant = new Variant(rs.getObject("id", UUID.class), rs.getString("sku"),
                            CatalogJson.options(rs.getString("options")),
                            new Money(rs.getLong("price_minor"), rs.getString("currency")),
                            (Integer) rs.getObject("stock", Integer.class), rs.getBoolean("available"),
                            rs.getString("shopify_variant_id"));
                    byProduct.computeIfAbsent(rs.getObject("product_id", UUID.class), k -> new ArrayList<>()).add(variant);
                    return variant;
                })
                .list();
        return byProduct;
    }

    private static String favouriteColumn() {
        return "exists (select 1 from catalog_favourite f where f.product_id = p.id and f.member_id = :member) as favourite";
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), rs.getString("external_id"), rs.getString("sku"),
                rs.getString("title"), rs.getString("description"), rs.getString("url"),
                CatalogJson.images(rs.getString("images")), new Money(rs.getLong("price_minor"), rs.getString("currency")),
                rs.getBoolean("available"), rs.getObject("stock", Integer.class), rs.getBoolean("favourite"),
                rs.getObject("archived_at") != null);
    }

    private record Row(UUID id, String externalId, String sku, String title, String description, String url,
            List<String> images, Money price, boolean available, Integer stock, boolean favourite, boolean archived) {

        Product product(List<Variant> variants) {
            return new Product(id, externalId, sku, title, description, url, images, price, available, stock, variants, favourite, archived);
        }
    }
}
